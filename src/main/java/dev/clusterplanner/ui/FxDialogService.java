package dev.clusterplanner.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs: JavaFX file choosers and the unsaved-changes question, owned by the main window. */
public class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private File lastFolder;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    private FileChooser chooser(String title, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
        File f = chooser(title, description, extensions).showOpenDialog(owner.get());
        return remember(f);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions) {
        FileChooser chooser = chooser(title, description, extensions);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public SaveChoice askSaveChanges(String planName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, cancel);
        alert.initOwner(owner.get());
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to \"" + planName + "\"?");
        alert.setContentText("Your changes are lost if you don't save them.");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? SaveChoice.SAVE : answer == discard ? SaveChoice.DISCARD : SaveChoice.CANCEL;
    }

    @Override
    public boolean confirmFingerprint(String server, String sha256Fingerprint, String certificateSubject) {
        ButtonType trust = new ButtonType("Trust and connect", ButtonBar.ButtonData.YES);
        ButtonType refuse = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", trust, refuse);
        alert.initOwner(owner.get());
        alert.setTitle("Unknown server certificate");
        alert.setHeaderText("Trust the certificate of " + server + "?");
        javafx.scene.control.TextArea fp = new javafx.scene.control.TextArea("SHA-256 fingerprint:\n" + grouped(sha256Fingerprint)
                + "\n\nSubject: " + certificateSubject
                + "\n\nCompare it with the fingerprint `incus info` prints on a member (or with the certificate in the"
                + " server's /var/lib/incus/server.crt). Trusting it pins it: a different certificate later is refused.");
        fp.setEditable(false);
        fp.setWrapText(true);
        fp.setPrefRowCount(7);
        alert.getDialogPane().setContent(fp);
        return alert.showAndWait().orElse(refuse) == trust;
    }

    /** "ab12 cd34 ..." in groups of four, to compare by eye. */
    static String grouped(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                b.append(i % 32 == 0 ? "\n" : " ");
            }
            b.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return b.toString();
    }

    @Override
    public boolean openFolder(Path folder) {
        // Desktop.open would pull in AWT; xdg-open/open/explorer is what the desktop's file manager answers to
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String[] cmd = os.contains("win") ? new String[] {"explorer", folder.toString()}
                : os.contains("mac") ? new String[] {"open", folder.toString()}
                : new String[] {"xdg-open", folder.toString()};
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
