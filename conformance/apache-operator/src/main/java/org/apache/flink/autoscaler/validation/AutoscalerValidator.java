package org.apache.flink.autoscaler.validation;

import org.apache.flink.configuration.Configuration;

import java.util.Optional;

/**
 * Stand-in: org.apache.flink:flink-autoscaler is not served by Maven Central. It accepts every configuration
 * and remembers whether it was asked about an enabled autoscaler, so that the oracle can say its answer does
 * not cover the autoscaler options.
 */
public class AutoscalerValidator {
    private static final ThreadLocal<Boolean> CONSULTED = ThreadLocal.withInitial(() -> false);

    /** Accepts; records that autoscaler options went unchecked when the autoscaler is enabled. */
    public Optional<String> validateAutoscalerOptions(Configuration flinkConf) {
        if (flinkConf.getString("job.autoscaler.enabled", flinkConf.getString("kubernetes.operator.job.autoscaler.enabled", "false")).trim().equalsIgnoreCase("true")) {
            CONSULTED.set(true);
        }
        return Optional.empty();
    }

    /** Whether an enabled autoscaler's options went unchecked since the last reset; resets the flag. */
    public static boolean takeUnchecked() {
        boolean v = CONSULTED.get();
        CONSULTED.set(false);
        return v;
    }
}
