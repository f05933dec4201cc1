package dev.cdk8sflink.conformance;

import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quartz.CronExpression;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Answers one JSON line per request with what a JDK, Quartz or Flink class makes of a string.
 *
 * <p>Request: {@code {type, input}} with type uri ({@code new URI}), inet ({@code InetAddress.getByName}; run
 * the JVM with {@code -Djdk.net.hosts.file} so that no name goes to DNS), bigdecimal ({@code new BigDecimal}),
 * cron ({@code new CronExpression}), memory ({@code MemorySize.parse}) or duration
 * ({@code TimeUtils.parseDuration}). Answer: {@code {ok, value?, error?, cause?}}, for cron also
 * {@code maxYear} ({@code CronExpression.MAX_YEAR}).
 */
public final class BehaviourMain {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BehaviourMain() {}

    /** Reads requests from stdin until EOF. */
    public static void main(String[] args) throws Exception {
        JsonLines.serve(line -> answer(MAPPER.readTree(line)));
    }

    private static ObjectNode answer(JsonNode request) {
        ObjectNode result = MAPPER.createObjectNode();
        String input = request.path("input").asText();
        try {
            switch (request.path("type").asText()) {
                case "uri": {
                    URI uri = new URI(input);
                    ObjectNode value = result.putObject("value");
                    value.put("scheme", uri.getScheme());
                    value.put("host", uri.getHost());
                    break;
                }
                case "inet": {
                    InetAddress address = InetAddress.getByName(input);
                    ObjectNode value = result.putObject("value");
                    var bytes = value.putArray("bytes");
                    for (byte b : address.getAddress()) {
                        bytes.add(b & 0xff);
                    }
                    value.put("restricted", address.isAnyLocalAddress() || address.isLoopbackAddress()
                            || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isMulticastAddress());
                    break;
                }
                case "bigdecimal":
                    result.put("value", new BigDecimal(input).toString());
                    break;
                case "cron":
                    new CronExpression(input);
                    result.put("value", true);
                    break;
                case "memory":
                    result.put("value", String.valueOf(MemorySize.parse(input).getBytes()));
                    break;
                case "duration":
                    result.put("value", TimeUtils.parseDuration(input).toString());
                    break;
                default:
                    throw new IllegalStateException("unknown type");
            }
            result.put("ok", true);
        } catch (Exception e) {
            result.removeAll();
            result.put("ok", false);
            result.put("error", String.valueOf(e.getMessage()));
            if (e.getCause() != null) {
                result.put("cause", e.getCause().getClass().getName());
            }
            if (e instanceof UnknownHostException) {
                result.put("unknownHost", true);
            }
        }
        if (request.path("type").asText().equals("cron")) {
            // Open year ranges end at MAX_YEAR, the year this class was loaded plus 100.
            result.put("maxYear", CronExpression.MAX_YEAR);
        }
        return result;
    }
}
