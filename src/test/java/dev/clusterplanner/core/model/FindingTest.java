package dev.clusterplanner.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingTest {

    @Test
    void worstFirstPutsErrorsThenWarningsThenInfosAndKeepsTheOrderWithinASeverity() {
        Finding i1 = Finding.info("a", "info one", "");
        Finding w1 = Finding.warning("b", "warning one", "");
        Finding e1 = Finding.error("c", "error one", "");
        Finding i2 = Finding.info("d", "info two", "");
        Finding w2 = Finding.warning("e", "warning two", "");
        assertEquals(List.of(e1, w1, w2, i1, i2), Finding.worstFirst(List.of(i1, w1, e1, i2, w2)));
    }
}
