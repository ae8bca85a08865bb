package dev.clusterplanner.ui;

import dev.clusterplanner.core.model.Plan;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;

/**
 * The open plan with its file, its saved state and its edit history. Plans are immutable records,
 * so undo is a stack of earlier plans: an edit pushes the current plan, undo pops it back. The plan
 * is "modified" when it differs from the last one saved or opened (undoing back to it clears the mark).
 */
public class PlanDocument {

    /** How many edits undo reaches back. */
    public static final int UNDO_LIMIT = 200;

    private record Step(Plan plan, String description) {
    }

    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Plan> savedPlan = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final BooleanBinding modified;

    public PlanDocument(Plan initial) {
        plan.set(initial);
        savedPlan.set(initial);
        modified = Bindings.createBooleanBinding(() -> !plan.get().equals(savedPlan.get()), plan, savedPlan);
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public Plan plan() {
        return plan.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    public BooleanBinding modifiedProperty() {
        return modified;
    }

    public boolean isModified() {
        return modified.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** Applies an edit; it can be undone. An edit that changes nothing is not recorded. */
    public void edit(String description, UnaryOperator<Plan> change) {
        Plan before = plan.get();
        Plan after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        undo.push(new Step(before, description));
        while (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        plan.set(after);
        refresh();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Step step = undo.pop();
        redo.push(new Step(plan.get(), step.description()));
        plan.set(step.plan());
        refresh();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Step step = redo.pop();
        undo.push(new Step(plan.get(), step.description()));
        plan.set(step.plan());
        refresh();
    }

    /** Replaces the document (new, open, recover): history cleared; {@code saved} tells whether it matches {@code path} on disk. */
    public void replace(Plan newPlan, Path path, boolean saved) {
        undo.clear();
        redo.clear();
        file.set(path);
        plan.set(newPlan);
        savedPlan.set(saved ? newPlan : null);
        refresh();
    }

    /** Records that the current plan was written to {@code path}. */
    public void markSaved(Plan written, Path path) {
        file.set(path);
        savedPlan.set(written);
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().description());
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().description());
    }
}
