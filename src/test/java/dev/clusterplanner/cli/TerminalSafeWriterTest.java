package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalSafeWriterTest {

    static String through(String s) {
        StringWriter sw = new StringWriter();
        try (PrintWriter w = new PrintWriter(new TerminalSafeWriter(sw))) {
            w.print(s);
        }
        return sw.toString();
    }

    @Test
    void controlCharactersAreShownAsEscapesAndLineBreaksAndTabsPass() {
        assertEquals("red \\u001B[31mX\\u001B[0m\tok\n", through("red \u001b[31mX\u001b[0m\tok\n"));
        assertEquals("a\\u0007b\\u0085c\\u202Ed", through("a\u0007b\u0085c\u202ed"));
        assertEquals("Plan 'caf\u00e9 \u2603' 10 %", through("Plan 'caf\u00e9 \u2603' 10 %"));
    }

    @Test
    void onAColouredTerminalColourSequencesPassAndOtherSequencesDoNot() {
        StringWriter sw = new StringWriter();
        try (PrintWriter w = new PrintWriter(new TerminalSafeWriter(sw, true))) {
            w.print("\u001b[1;32mUsage\u001b[0m \u001b[2J\u001b]0;title\u0007");
        }
        assertEquals("\u001b[1;32mUsage\u001b[0m \\u001B[2J\\u001B]0;title\\u0007", sw.toString());
    }

    @Test
    void jsonKeepsItsMeaningBecauseTheEscapeIsJsons() throws Exception {
        String json = "{\"name\":\"x\u0085y\"}";
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(mapper.readTree(json), mapper.readTree(through(json)));
    }
}
