// Command spotify-oracle answers, for FlinkCluster objects read as JSON
// lines on stdin, what the Kubernetes API server and the
// spotify/flink-on-k8s-operator webhooks say about them: the object after
// the CRD's structural pruning and defaulting and the operator's mutating
// webhook, the CRD schema errors, and the validating webhook's create (and,
// when a base is given, update) verdict and message.
//
// Input line:  {"id": "...", "object": {...}, "base": {...}}   (base optional)
// Output line: {"id": "...", "defaulted": {...}, "schemaErrors": [...],
//
//	"create": {"allowed": true|false, "message": "..."}, "update": {...}}
//
// The webhooks are the operator's own, registered through
// SetupWebhookWithManager and called through controller-runtime's admission
// handlers, as the operator's webhook server would call them.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/go-logr/logr"
	admissionv1 "k8s.io/api/admission/v1"
	utilruntime "k8s.io/apimachinery/pkg/util/runtime"
	"k8s.io/klog/v2"
	ctrllog "sigs.k8s.io/controller-runtime/pkg/log"
)

type request struct {
	ID     string          `json:"id"`
	Object json.RawMessage `json:"object"`
	Base   json.RawMessage `json:"base,omitempty"`
	// Canonical is any FlinkCluster to answer in Go's encoding (decoded
	// into the operator's types and encoded again, as the webhook's patch
	// encodes the object).
	Canonical json.RawMessage `json:"canonical,omitempty"`
}

type verdict struct {
	Allowed bool   `json:"allowed"`
	Message string `json:"message,omitempty"`
}

type answer struct {
	ID           string          `json:"id"`
	Defaulted    json.RawMessage `json:"defaulted,omitempty"`
	SchemaErrors []string        `json:"schemaErrors"`
	Create       *verdict        `json:"create,omitempty"`
	Update       *verdict        `json:"update,omitempty"`
	// DefaultedCanonical is Defaulted in Go's encoding; Canonical the
	// request's canonical object in Go's encoding.
	DefaultedCanonical json.RawMessage `json:"defaultedCanonical,omitempty"`
	Canonical          json.RawMessage `json:"canonical,omitempty"`
	Error              string          `json:"error,omitempty"`
}

func main() {
	crdPath := flag.String("crd", "", "the FlinkCluster CRD YAML of the operator module")
	flag.Parse()
	quiet()

	crd, err := loadCRD(*crdPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "spotify-oracle:", err)
		os.Exit(2)
	}
	hooks, err := newWebhooks()
	if err != nil {
		fmt.Fprintln(os.Stderr, "spotify-oracle:", err)
		os.Exit(2)
	}

	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	encoder.SetEscapeHTML(false)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 && !isBlank(line) {
			var req request
			var ans answer
			if jerr := json.Unmarshal(line, &req); jerr != nil {
				ans = answer{Error: "bad request line: " + jerr.Error()}
			} else {
				ans = answerFor(crd, hooks, req)
			}
			if eerr := encoder.Encode(ans); eerr != nil {
				fmt.Fprintln(os.Stderr, "spotify-oracle:", eerr)
				os.Exit(2)
			}
			out.Flush()
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "spotify-oracle:", err)
			os.Exit(2)
		}
	}
}

func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// quiet silences the operator's and controller-runtime's logs and the
// panic handlers' stack traces: answers carry everything that matters.
func quiet() {
	ctrllog.SetLogger(logr.Discard())
	klog.SetLogger(logr.Discard())
	utilruntime.PanicHandlers = nil
}

func answerFor(crd *crdSchema, hooks *webhooks, req request) answer {
	ans := answer{ID: req.ID, SchemaErrors: []string{}}
	admitted, err := crd.admit(hooks, req.Object)
	if err != nil {
		ans.Error = err.Error()
		return ans
	}
	if admitted.denied != nil {
		ans.Create = admitted.denied
		return ans
	}
	ans.Defaulted = admitted.raw
	ans.DefaultedCanonical = hooks.canonical(admitted.raw)
	if len(req.Canonical) > 0 {
		ans.Canonical = hooks.canonical(req.Canonical)
	}
	ans.SchemaErrors = admitted.schemaErrors
	create := hooks.validate(admissionv1.Create, admitted.raw, nil)
	ans.Create = &create
	if len(req.Base) > 0 {
		base, err := crd.admit(hooks, req.Base)
		if err != nil || base.denied != nil {
			ans.Error = fmt.Sprintf("base not admitted: %v %v", err, base)
			return ans
		}
		update := hooks.validate(admissionv1.Update, admitted.raw, base.raw)
		ans.Update = &update
	}
	return ans
}

// admittedObject is an object as the validating webhook receives it.
type admittedObject struct {
	raw          json.RawMessage
	schemaErrors []string
	// denied is the mutating webhook's denial (it could not decode the object).
	denied *verdict
}

// admit runs what the API server runs before the validating webhooks:
// pruning and defaulting by the CRD's structural schema, the mutating
// webhook (its patch applied, then pruned and defaulted again), and the
// schema validation.
func (c *crdSchema) admit(hooks *webhooks, object json.RawMessage) (*admittedObject, error) {
	decoded, err := c.pruneAndDefault(object)
	if err != nil {
		return nil, err
	}
	mutated, denied, err := hooks.mutate(decoded)
	if err != nil {
		return nil, err
	}
	if denied != nil {
		return &admittedObject{denied: denied}, nil
	}
	final, err := c.pruneAndDefault(mutated)
	if err != nil {
		return nil, err
	}
	return &admittedObject{raw: final, schemaErrors: c.validate(final)}, nil
}
