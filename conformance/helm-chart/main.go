// Command helm-chart renders a vendored copy of the Flink Kubernetes
// Operator's Helm chart with its default values, as `helm template` does,
// through the Helm Go SDK's own chart loader and template engine, and prints
// every rendered object as one JSON line (the oracle of
// `npm run test:conformance:chart`).
//
// Usage: helm-chart -chart DIR -release NAME -namespace NS [-version V]
//
// -version sets the chart's version and appVersion, as the operator's
// release process writes them into Chart.yaml (a branch snapshot says
// 1.16-SNAPSHOT). The chart's crds/ folder is not vendored: `helm template`
// leaves CRDs out unless asked, and the CRDs are compared with the vendored
// CRD files elsewhere.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/releaseutil"
	"sigs.k8s.io/yaml"
)

// rendered is one object of the output, with the template it came from.
type rendered struct {
	Template string                 `json:"template"`
	Object   map[string]interface{} `json:"object"`
}

func main() {
	chartDir := flag.String("chart", "", "the chart directory")
	release := flag.String("release", "flink-kubernetes-operator", "the release name")
	namespace := flag.String("namespace", "default", "the release namespace")
	version := flag.String("version", "", "the chart version and appVersion to render (default: Chart.yaml's)")
	flag.Parse()
	if err := run(*chartDir, *release, *namespace, *version); err != nil {
		fmt.Fprintln(os.Stderr, "helm-chart:", err)
		os.Exit(1)
	}
}

func run(chartDir, release, namespace, version string) error {
	chart, err := loader.LoadDir(chartDir)
	if err != nil {
		return err
	}
	if version != "" {
		chart.Metadata.Version = version
		chart.Metadata.AppVersion = version
	}
	options := chartutil.ReleaseOptions{Name: release, Namespace: namespace, Revision: 1, IsInstall: true}
	values, err := chartutil.ToRenderValues(chart, map[string]interface{}{}, options, chartutil.DefaultCapabilities)
	if err != nil {
		return err
	}
	files, err := engine.Render(chart, values)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, name := range names {
		if strings.HasSuffix(name, "NOTES.txt") || strings.HasPrefix(name[strings.LastIndex(name, "/")+1:], "_") {
			continue
		}
		manifests := releaseutil.SplitManifests(files[name])
		keys := make([]string, 0, len(manifests))
		for key := range manifests {
			keys = append(keys, key)
		}
		sort.Sort(releaseutil.BySplitManifestsOrder(keys))
		for _, key := range keys {
			var object map[string]interface{}
			if err := yaml.Unmarshal([]byte(manifests[key]), &object); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if len(object) == 0 {
				continue
			}
			line, err := json.Marshal(rendered{Template: name, Object: object})
			if err != nil {
				return err
			}
			out.Write(line)
			out.WriteString("\n")
		}
	}
	return nil
}
