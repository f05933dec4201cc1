package dev.cdk8sflink.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.kubernetes.operator.api.spec.FlinkBlueGreenDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.FlinkSessionJobSpec;
import org.apache.flink.kubernetes.operator.api.spec.KubernetesDeploymentMode;
import org.apache.flink.kubernetes.operator.reconciler.diff.Diff;
import org.apache.flink.kubernetes.operator.reconciler.diff.DiffResult;
import org.apache.flink.kubernetes.operator.reconciler.diff.FlinkBlueGreenDeploymentSpecDiff;
import org.apache.flink.kubernetes.operator.reconciler.diff.ReflectiveDiffBuilder;


/**
 * Answers spec changes with what the operator's own {@code ReflectiveDiffBuilder} (and, for
 * FlinkBlueGreenDeployments, {@code FlinkBlueGreenDeploymentSpecDiff}) says about them.
 *
 * <p>Input: one JSON object a line, {@code {"kind", "before", "after", "mode"?}} where before and
 * after are the specs and mode the deployment mode of the cluster a session job runs on ("native"
 * or "standalone"; a FlinkDeployment's comes from its new spec, as in the reconciler). Output: one
 * line each, {@code {"type", "diffs": [{"field", "type"}], "blueGreen"?}} or {@code {"error"}}
 * when a spec cannot be read as the operator reads it. One JVM answers the whole stream.
 */
public final class SpecDiffMain {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpecDiffMain() {}

    /** Reads requests from stdin until EOF. */
    public static void main(String[] args) throws Exception {
        JsonLines.serve(SpecDiffMain::answer);
    }

    /** The answer to one request line. */
    static ObjectNode answer(String line) {
        var result = MAPPER.createObjectNode();
        try {
            var request = MAPPER.readTree(line);
            var kind = request.path("kind").asText();
            var before = request.get("before");
            var after = request.get("after");
            switch (kind) {
                case "FlinkDeployment":
                    {
                        var left = MAPPER.treeToValue(before, FlinkDeploymentSpec.class);
                        var right = MAPPER.treeToValue(after, FlinkDeploymentSpec.class);
                        var mode = KubernetesDeploymentMode.getDeploymentMode(right);
                        write(result, new ReflectiveDiffBuilder<>(mode, left, right).build());
                        break;
                    }
                case "FlinkSessionJob":
                    {
                        var left = MAPPER.treeToValue(before, FlinkSessionJobSpec.class);
                        var right = MAPPER.treeToValue(after, FlinkSessionJobSpec.class);
                        var mode =
                                "standalone".equals(request.path("mode").asText())
                                        ? KubernetesDeploymentMode.STANDALONE
                                        : KubernetesDeploymentMode.NATIVE;
                        write(result, new ReflectiveDiffBuilder<>(mode, left, right).build());
                        break;
                    }
                case "FlinkBlueGreenDeployment":
                    {
                        var left = MAPPER.treeToValue(before, FlinkBlueGreenDeploymentSpec.class);
                        var right = MAPPER.treeToValue(after, FlinkBlueGreenDeploymentSpec.class);
                        // The blue/green controller compares the templates' specs in native mode.
                        var leftCopy = MAPPER.treeToValue(before, FlinkBlueGreenDeploymentSpec.class);
                        var rightCopy = MAPPER.treeToValue(after, FlinkBlueGreenDeploymentSpec.class);
                        var blueGreen =
                                new FlinkBlueGreenDeploymentSpecDiff(
                                                KubernetesDeploymentMode.NATIVE, left, right)
                                        .compare();
                        write(
                                result,
                                new ReflectiveDiffBuilder<>(
                                                KubernetesDeploymentMode.NATIVE,
                                                leftCopy.getTemplate().getSpec(),
                                                rightCopy.getTemplate().getSpec())
                                        .build());
                        result.put("blueGreen", blueGreen.name());
                        break;
                    }
                default:
                    result.put("error", "unknown kind '" + kind + "'");
            }
        } catch (Exception e) {
            result.removeAll();
            result.put("error", e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
        return result;
    }

    private static void write(ObjectNode result, DiffResult<?> diff) {
        result.put("type", diff.getType().name());
        ArrayNode diffs = result.putArray("diffs");
        for (Diff<?> d : diff.getDiffList()) {
            diffs.addObject().put("field", d.getFieldName()).put("type", d.getType().name());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
