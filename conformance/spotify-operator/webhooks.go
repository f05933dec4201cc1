package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	jsonpatch "github.com/evanphx/json-patch/v5"
	v1beta1 "github.com/spotify/flink-on-k8s-operator/apis/flinkcluster/v1beta1"
	admissionv1 "k8s.io/api/admission/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/manager"
	"sigs.k8s.io/controller-runtime/pkg/webhook"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

// webhooks holds the operator's FlinkCluster admission webhooks.
type webhooks struct {
	mutating   *admission.Webhook
	validating *admission.Webhook
	decoder    admission.Decoder
}

// recordingServer is a webhook server that only records what is registered.
type recordingServer struct {
	webhook.Server
	hooks map[string]http.Handler
}

func (s *recordingServer) Register(path string, hook http.Handler) { s.hooks[path] = hook }
func (s *recordingServer) WebhookMux() *http.ServeMux              { return nil }

// registeringManager is the part of a controller-runtime manager that
// SetupWebhookWithManager uses.
type registeringManager struct {
	manager.Manager
	scheme *runtime.Scheme
	server *recordingServer
}

func (m *registeringManager) GetScheme() *runtime.Scheme       { return m.scheme }
func (m *registeringManager) GetWebhookServer() webhook.Server { return m.server }
func (m *registeringManager) GetConfig() *rest.Config          { return &rest.Config{} }

// newWebhooks registers the operator's webhooks as its main does and keeps
// their admission handlers.
func newWebhooks() (*webhooks, error) {
	scheme := runtime.NewScheme()
	if err := v1beta1.AddToScheme(scheme); err != nil {
		return nil, err
	}
	mgr := &registeringManager{scheme: scheme, server: &recordingServer{hooks: map[string]http.Handler{}}}
	if err := (&v1beta1.FlinkCluster{}).SetupWebhookWithManager(mgr); err != nil {
		return nil, err
	}
	hooks := &webhooks{decoder: admission.NewDecoder(scheme)}
	for path, handler := range mgr.server.hooks {
		wh, ok := handler.(*admission.Webhook)
		if !ok {
			continue
		}
		switch {
		case strings.HasPrefix(path, "/mutate-"):
			hooks.mutating = wh
		case strings.HasPrefix(path, "/validate-"):
			hooks.validating = wh
		}
	}
	if hooks.mutating == nil || hooks.validating == nil {
		return nil, fmt.Errorf("the operator registered no mutating or no validating FlinkCluster webhook")
	}
	return hooks, nil
}

var flinkClusterKind = struct{ group, version, kind, resource string }{"flinkoperator.k8s.io", "v1beta1", "FlinkCluster", "flinkclusters"}

func admissionRequest(op admissionv1.Operation, object, old json.RawMessage) admission.Request {
	req := admissionv1.AdmissionRequest{
		UID:       "conformance",
		Operation: op,
		Object:    runtime.RawExtension{Raw: object},
	}
	req.Kind.Group, req.Kind.Version, req.Kind.Kind = flinkClusterKind.group, flinkClusterKind.version, flinkClusterKind.kind
	req.Resource.Group, req.Resource.Version, req.Resource.Resource = flinkClusterKind.group, flinkClusterKind.version, flinkClusterKind.resource
	if old != nil {
		req.OldObject = runtime.RawExtension{Raw: old}
	}
	return admission.Request{AdmissionRequest: req}
}

// mutate calls the mutating webhook and applies its patch, as the API
// server does. A denial is returned as a verdict.
func (h *webhooks) mutate(object json.RawMessage) (json.RawMessage, *verdict, error) {
	resp := h.mutating.Handle(context.Background(), admissionRequest(admissionv1.Create, object, nil))
	if !resp.Allowed {
		return nil, &verdict{Allowed: false, Message: message(resp)}, nil
	}
	if len(resp.Patches) == 0 {
		return object, nil, nil
	}
	ops, err := json.Marshal(resp.Patches)
	if err != nil {
		return nil, nil, err
	}
	patch, err := jsonpatch.DecodePatch(ops)
	if err != nil {
		return nil, nil, err
	}
	patched, err := patch.Apply(object)
	if err != nil {
		return nil, nil, fmt.Errorf("applying the mutating webhook's patch: %w", err)
	}
	return patched, nil, nil
}

// validate calls the validating webhook.
func (h *webhooks) validate(op admissionv1.Operation, object, old json.RawMessage) verdict {
	resp := h.validating.Handle(context.Background(), admissionRequest(op, object, old))
	if resp.Allowed {
		return verdict{Allowed: true}
	}
	return verdict{Allowed: false, Message: message(resp)}
}

func message(resp admission.Response) string {
	if resp.Result == nil {
		return ""
	}
	return resp.Result.Message
}

// canonical is a FlinkCluster as the operator's types encode it (nil when
// it does not decode).
func (h *webhooks) canonical(object json.RawMessage) json.RawMessage {
	var cluster v1beta1.FlinkCluster
	if err := h.decoder.DecodeRaw(runtime.RawExtension{Raw: object}, &cluster); err != nil {
		return nil
	}
	out, err := json.Marshal(&cluster)
	if err != nil {
		return nil
	}
	return out
}
