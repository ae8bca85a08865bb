package dev.clusterplanner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    @Test
    void aSingleExistingPlanFileOpensInTheWindow(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("prod.plan.json"), "{}");
        assertTrue(Launcher.opensPlanInWindow(new String[]{plan.toString()}));
    }

    @Test
    void subCommandsMissingFilesAndOtherFilesGoToTheCommandLine(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("prod.plan.json"), "{}");
        Path other = Files.writeString(dir.resolve("notes.json"), "{}");
        assertFalse(Launcher.opensPlanInWindow(new String[]{"plan"}));
        assertFalse(Launcher.opensPlanInWindow(new String[]{dir.resolve("missing.plan.json").toString()}));
        assertFalse(Launcher.opensPlanInWindow(new String[]{other.toString()}));
        assertFalse(Launcher.opensPlanInWindow(new String[]{"check", plan.toString()}));
        assertFalse(Launcher.opensPlanInWindow(new String[]{dir.toString() + "/"}));
    }
}
