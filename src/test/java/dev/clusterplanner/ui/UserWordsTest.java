package dev.clusterplanner.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserWordsTest {

    @Test
    void aBugsJvmMessageIsNeverShown() {
        NullPointerException npe = new NullPointerException("Cannot invoke \"java.lang.Double.doubleValue()\" because \"perInstance\" is null");
        String shown = UserWords.of(npe);
        assertEquals(UserWords.INTERNAL, shown);
        assertFalse(shown.contains("java.") || shown.contains("null") || shown.contains("Exception"), shown);
        assertEquals(UserWords.INTERNAL, UserWords.of(new IllegalStateException("x is null")));
    }

    @Test
    void anExpectedErrorKeepsItsSentenceWithTheWindowsLabels() {
        assertEquals("workload 'db': Memory (GiB) must be more than 0, got 0",
                UserWords.of(new IllegalArgumentException("workload 'db': memoryGib must be greater than 0, got 0")));
        assertEquals("no such file: /tmp/x.plan.json", UserWords.of(new NoSuchFileException("/tmp/x.plan.json")));
    }

    @Test
    void networkErrorsSayWhatHappenedNotTheirClass() {
        String closed = UserWords.of(new java.nio.channels.ClosedChannelException());
        assertTrue(closed.startsWith("the connection was closed"), closed);
        assertTrue(UserWords.of(new java.nio.channels.UnresolvedAddressException()).startsWith("name not found"));
        assertTrue(UserWords.of(new java.io.IOException("wrapped", new java.net.ConnectException("Connection refused")))
                .startsWith("wrapped"));
        assertTrue(UserWords.of(new RuntimeException(new java.net.ConnectException())).startsWith("connection refused"));
    }
}
