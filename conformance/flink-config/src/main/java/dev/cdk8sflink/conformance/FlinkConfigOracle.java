package dev.cdk8sflink.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.MemorySize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Answers JSON lines about flink-core's configuration options, one request per line on stdin, one
 * answer per line on stdout, in order. Requests:
 *
 * <ul>
 *   <li>{@code {"op":"version"}}: the Flink version of the classpath.
 *   <li>{@code {"op":"options"}}: every public static {@code ConfigOption} of the option classes
 *       (key, fallback keys with their deprecation flag, whether the option is deprecated).
 *   <li>{@code {"op":"read","configuration":{...},"reads":[{"name":...,"options":["Class#FIELD",...]}]}}:
 *       loads the flat string map into {@code Configuration} and reads each named setting through
 *       the first of its options that exists on the classpath.
 * </ul>
 *
 * An answer is {@code {"ok":...}} or {@code {"error":"..."}}.
 */
public final class FlinkConfigOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Option classes outside {@code org.apache.flink.configuration} that still define options read at runtime. */
    private static final String[] EXTRA_OPTION_CLASSES = {
        "org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions",
    };

    private FlinkConfigOracle() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode answer = JSON.createObjectNode();
            try {
                answer.set("ok", answer(JSON.readTree(line)));
            } catch (Exception e) {
                answer.put("error", e.getClass().getName() + ": " + e.getMessage());
            }
            out.println(JSON.writeValueAsString(answer));
        }
    }

    private static JsonNode answer(JsonNode request) throws Exception {
        String op = request.path("op").asText();
        switch (op) {
            case "version":
                return JSON.getNodeFactory().textNode(flinkVersion());
            case "options":
                return options();
            case "read":
                return read(request);
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private static String flinkVersion() {
        Package p = Configuration.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v != null) {
            return v;
        }
        String path = Configuration.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return path.replaceAll(".*/flink-core-([^/]+)\\.jar$", "$1");
    }

    /** Every public static ConfigOption field of the option classes, sorted by class and field. */
    private static ArrayNode options() throws Exception {
        ArrayNode result = JSON.createArrayNode();
        for (Class<?> type : optionClasses()) {
            Field[] fields = type.getFields();
            java.util.Arrays.sort(fields, (a, b) -> a.getName().compareTo(b.getName()));
            for (Field field : fields) {
                if (!Modifier.isStatic(field.getModifiers()) || !ConfigOption.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                ObjectNode o = result.addObject();
                o.put("class", type.getName());
                o.put("field", field.getName());
                o.put("key", option.key());
                o.put("deprecated", field.isAnnotationPresent(Deprecated.class) || type.isAnnotationPresent(Deprecated.class));
                ArrayNode fallbacks = o.putArray("fallbackKeys");
                for (FallbackKey fallback : option.fallbackKeys()) {
                    ObjectNode f = fallbacks.addObject();
                    f.put("key", fallback.getKey());
                    f.put("deprecated", fallback.isDeprecated());
                }
            }
        }
        return result;
    }

    /** The option classes: {@code org.apache.flink.configuration.*Options} in flink-core, plus the extra ones present. */
    private static List<Class<?>> optionClasses() throws Exception {
        TreeMap<String, Class<?>> classes = new TreeMap<>();
        String jar = Configuration.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.matches("org/apache/flink/configuration/[A-Za-z]+Options\\.class")) {
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    classes.put(className, Class.forName(className));
                }
            }
        }
        for (String name : EXTRA_OPTION_CLASSES) {
            try {
                classes.put(name, Class.forName(name));
            } catch (ClassNotFoundException e) {
                // not on this version's classpath
            }
        }
        return new ArrayList<>(classes.values());
    }

    private static ObjectNode read(JsonNode request) throws Exception {
        Map<String, String> map = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = request.path("configuration").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            map.put(e.getKey(), e.getValue().asText());
        }
        Configuration configuration = Configuration.fromMap(map);
        ObjectNode result = JSON.createObjectNode();
        for (JsonNode read : request.path("reads")) {
            String name = read.path("name").asText();
            ObjectNode answer = result.putObject(name);
            ConfigOption<?> option = null;
            for (JsonNode candidate : read.path("options")) {
                option = findOption(candidate.asText());
                if (option != null) {
                    answer.put("option", candidate.asText());
                    break;
                }
            }
            if (option == null) {
                answer.put("missing", true);
                continue;
            }
            answer.put("key", option.key());
            answer.put("present", configuration.contains(option));
            answer.put("keySet", map.containsKey(option.key()));
            try {
                answer.set("value", canonical(configuration.get(option)));
            } catch (RuntimeException e) {
                answer.put("readError", e.getMessage());
            }
        }
        return result;
    }

    /** The option {@code Class#FIELD}, or null when the class or field is not on this classpath. */
    private static ConfigOption<?> findOption(String reference) throws IllegalAccessException {
        String[] parts = reference.split("#", 2);
        try {
            Field field = Class.forName(parts[0]).getField(parts[1]);
            return (ConfigOption<?>) field.get(null);
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return null;
        }
    }

    /** A JSON form that does not depend on the Java type's toString: milliseconds, bytes, enum names. */
    private static JsonNode canonical(Object value) {
        if (value == null) {
            return JSON.getNodeFactory().nullNode();
        }
        if (value instanceof Duration) {
            return JSON.getNodeFactory().numberNode(((Duration) value).toMillis());
        }
        if (value instanceof MemorySize) {
            return JSON.getNodeFactory().numberNode(((MemorySize) value).getBytes());
        }
        if (value instanceof Enum) {
            return JSON.getNodeFactory().textNode(((Enum<?>) value).name());
        }
        return JSON.valueToTree(value);
    }
}
