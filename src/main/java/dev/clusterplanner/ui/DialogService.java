package dev.clusterplanner.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions a view-model asks the user (after JabRef's DialogService): file choosers and the
 * unsaved-changes prompt. The window answers with real dialogs ({@link FxDialogService}); tests
 * answer with scripted replies, so view-models stay testable without the toolkit.
 */
public interface DialogService {

    /** The user's reply to "save changes to ...?". */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseFileToOpen(String title, String description, String... extensions);

    Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions);

    SaveChoice askSaveChanges(String planName);

    /**
     * Trust on first use: the server at {@code server} shows a certificate nothing pins yet. True when the user
     * trusts it (compared the fingerprint with {@code incus info} on a member); false refuses the connection.
     */
    default boolean confirmFingerprint(String server, String sha256Fingerprint, String certificateSubject) {
        return false;
    }

    /** Opens a folder in the desktop's file manager (after an export); false if the desktop cannot. */
    default boolean openFolder(Path folder) {
        return false;
    }
}
