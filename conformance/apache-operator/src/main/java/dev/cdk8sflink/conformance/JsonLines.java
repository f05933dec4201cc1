package dev.cdk8sflink.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The loop every harness program runs: one JSON request a line on standard input, one JSON answer a line on
 * standard output, in order, until end of input. Blank lines are skipped.
 */
final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {}

    /** The answer to one request line. */
    @FunctionalInterface
    interface Handler {
        JsonNode answer(String line) throws Exception;
    }

    /**
     * Answers every request line with the handler, then exits the JVM (the operator's classes may leave
     * threads running). Anything else the classes print goes to standard error, never into the answers.
     */
    static void serve(Handler handler) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                out.println(MAPPER.writeValueAsString(handler.answer(line)));
                out.flush();
            }
        }
        out.flush();
        System.exit(0);
    }
}
