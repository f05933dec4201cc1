package dev.cdk8sflink.conformance;

import org.apache.flink.autoscaler.validation.AutoscalerValidator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.kubernetes.operator.api.AbstractFlinkResource;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.FlinkSessionJob;
import org.apache.flink.kubernetes.operator.api.FlinkStateSnapshot;
import org.apache.flink.kubernetes.operator.config.FlinkConfigManager;
import org.apache.flink.kubernetes.operator.mutator.DefaultFlinkMutator;
import org.apache.flink.kubernetes.operator.validation.DefaultValidator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers one JSON line per request line with what the operator's DefaultValidator and default mutator say.
 *
 * <p>Request: {@code {kind, resource, sessionDeployment?, snapshotTarget?, operatorConfiguration?}} where kind is
 * FlinkDeployment, FlinkSessionJob or FlinkStateSnapshot. Answer: {@code {verdict: "accept"|"reject"|"error",
 * message?, mutatedLabels?, autoscalerUnchecked}}. "error" means the request or resource could not be read (the API server's schema rejects such resources first);
 * "thrown" names the exception class when the validator threw.
 */
public final class ValidatorMain {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Map<String, DefaultValidator> VALIDATORS = new HashMap<>();
    private static final DefaultFlinkMutator MUTATOR = new DefaultFlinkMutator();

    private ValidatorMain() {}

    /** Reads requests from stdin until EOF. */
    public static void main(String[] args) throws Exception {
        JsonLines.serve(ValidatorMain::answer);
    }

    private static ObjectNode answer(String line) {
        ObjectNode result = MAPPER.createObjectNode();
        try {
            JsonNode request = MAPPER.readTree(line);
            DefaultValidator validator = validator(request.get("operatorConfiguration"));
            String kind = request.path("kind").asText();
            JsonNode resource = request.get("resource");
            AutoscalerValidator.takeUnchecked();
            Optional<String> verdict;
            io.fabric8.kubernetes.api.model.HasMetadata mutated;
            switch (kind) {
                case "FlinkDeployment": {
                    FlinkDeployment deployment = MAPPER.treeToValue(resource, FlinkDeployment.class);
                    mutated = MUTATOR.mutateDeployment(deployment);
                    verdict = judge(deployment, () -> validator.validateDeployment(deployment), result);
                    break;
                }
                case "FlinkSessionJob": {
                    FlinkSessionJob job = MAPPER.treeToValue(resource, FlinkSessionJob.class);
                    Optional<FlinkDeployment> session = optional(request.get("sessionDeployment"), FlinkDeployment.class);
                    mutated = MUTATOR.mutateSessionJob(job, session);
                    verdict = judge(job, () -> validator.validateSessionJob(job, session), result);
                    break;
                }
                case "FlinkStateSnapshot": {
                    FlinkStateSnapshot snapshot = MAPPER.treeToValue(resource, FlinkStateSnapshot.class);
                    Optional<AbstractFlinkResource<?, ?>> target = snapshotTarget(request.get("snapshotTarget"));
                    mutated = MUTATOR.mutateStateSnapshot(snapshot);
                    verdict = judge(snapshot, () -> validator.validateStateSnapshot(snapshot, target), result);
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown kind: " + kind);
            }
            result.put("verdict", verdict.isPresent() ? "reject" : "accept");
            verdict.ifPresent(m -> result.put("message", m));
            result.set("mutatedLabels", MAPPER.valueToTree(mutated.getMetadata().getLabels()));
            result.put("autoscalerUnchecked", AutoscalerValidator.takeUnchecked());
        } catch (Throwable e) {
            result.removeAll();
            result.put("verdict", "error");
            result.put("message", e.getClass().getName() + ": " + e.getMessage());
        }
        return result;
    }

    /**
     * Runs one validation as the operator's webhook does: canary resources are not validated; an exception the
     * validator throws fails the request with its message (reported as a rejection, its class in "thrown").
     */
    private static Optional<String> judge(
            io.fabric8.kubernetes.api.model.HasMetadata resource,
            java.util.function.Supplier<Optional<String>> validation,
            ObjectNode result) {
        if (org.apache.flink.kubernetes.operator.health.CanaryResourceManager.isCanaryResource(resource)) {
            return Optional.empty();
        }
        try {
            return validation.get();
        } catch (RuntimeException e) {
            result.put("thrown", e.getClass().getName());
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static <T> Optional<T> optional(JsonNode node, Class<T> type) throws Exception {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(MAPPER.treeToValue(node, type));
    }

    private static Optional<AbstractFlinkResource<?, ?>> snapshotTarget(JsonNode node) throws Exception {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Class<? extends AbstractFlinkResource<?, ?>> type =
                "FlinkSessionJob".equals(node.path("kind").asText()) ? FlinkSessionJob.class : FlinkDeployment.class;
        return Optional.of(MAPPER.treeToValue(node, type));
    }

    private static DefaultValidator validator(JsonNode operatorConfiguration) throws Exception {
        Map<String, String> conf = new LinkedHashMap<>();
        if (operatorConfiguration != null && operatorConfiguration.isObject()) {
            operatorConfiguration.fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
        }
        String key = MAPPER.writeValueAsString(conf);
        DefaultValidator validator = VALIDATORS.get(key);
        if (validator == null) {
            validator = new DefaultValidator(new FlinkConfigManager(Configuration.fromMap(conf)));
            VALIDATORS.put(key, validator);
        }
        return validator;
    }
}
