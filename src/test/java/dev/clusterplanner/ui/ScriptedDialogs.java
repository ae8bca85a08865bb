package dev.clusterplanner.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialog answers queued by a test; a question with no queued answer fails the test. */
public class ScriptedDialogs implements DialogService {

    public final Deque<Path> filesToOpen = new ArrayDeque<>();
    public final Deque<Path> filesToSave = new ArrayDeque<>();
    public final Deque<SaveChoice> saveChoices = new ArrayDeque<>();
    public final List<String> asked = new ArrayList<>();
    public final List<Path> openedFolders = new ArrayList<>();
    public final Deque<Boolean> fingerprintAnswers = new ArrayDeque<>();

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
        asked.add(title);
        return Optional.ofNullable(filesToOpen.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions) {
        asked.add(title + ":" + suggestedName);
        return Optional.ofNullable(filesToSave.poll());
    }

    @Override
    public SaveChoice askSaveChanges(String planName) {
        asked.add("save changes to " + planName);
        SaveChoice c = saveChoices.poll();
        if (c == null) {
            throw new AssertionError("unexpected unsaved-changes prompt for " + planName);
        }
        return c;
    }

    @Override
    public boolean confirmFingerprint(String server, String sha256Fingerprint, String certificateSubject) {
        asked.add("trust " + server + " " + sha256Fingerprint);
        Boolean answer = fingerprintAnswers.poll();
        if (answer == null) {
            throw new AssertionError("unexpected fingerprint confirmation for " + server + " " + sha256Fingerprint);
        }
        return answer;
    }

    @Override
    public boolean openFolder(Path folder) {
        openedFolders.add(folder);
        return true;
    }
}
