package main

import (
	"encoding/json"
	"fmt"
	"os"

	"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"sigs.k8s.io/yaml"
)

// crdSchema is the FlinkCluster CRD's v1beta1 schema, as the API server uses it.
type crdSchema struct {
	structural *structuralschema.Structural
	validator  apiservervalidation.SchemaValidator
}

func loadCRD(path string) (*crdSchema, error) {
	if path == "" {
		return nil, fmt.Errorf("-crd is required")
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var crd apiextensionsv1.CustomResourceDefinition
	if err := yaml.Unmarshal(text, &crd); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, v := range crd.Spec.Versions {
		if v.Name != "v1beta1" || v.Schema == nil || v.Schema.OpenAPIV3Schema == nil {
			continue
		}
		var internal apiextensions.JSONSchemaProps
		if err := apiextensionsv1.Convert_v1_JSONSchemaProps_To_apiextensions_JSONSchemaProps(v.Schema.OpenAPIV3Schema, &internal, nil); err != nil {
			return nil, err
		}
		structural, err := structuralschema.NewStructural(&internal)
		if err != nil {
			return nil, err
		}
		validator, _, err := apiservervalidation.NewSchemaValidator(&internal)
		if err != nil {
			return nil, err
		}
		return &crdSchema{structural: structural, validator: validator}, nil
	}
	return nil, fmt.Errorf("%s: no v1beta1 schema", path)
}

// pruneAndDefault drops unknown fields and applies the schema's defaults.
func (c *crdSchema) pruneAndDefault(object json.RawMessage) (json.RawMessage, error) {
	var value map[string]interface{}
	if err := utiljson.Unmarshal(object, &value); err != nil {
		return nil, err
	}
	pruning.Prune(value, c.structural, true)
	defaulting.Default(value, c.structural)
	return json.Marshal(value)
}

// validate returns the schema's errors on the object.
func (c *crdSchema) validate(object json.RawMessage) []string {
	var value map[string]interface{}
	if err := utiljson.Unmarshal(object, &value); err != nil {
		return []string{err.Error()}
	}
	errs := apiservervalidation.ValidateCustomResource(nil, value, c.validator)
	out := make([]string, 0, len(errs))
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}
