package dev.clusterplanner.ui;

import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanDocumentTest {

    final Plan seed = ExamplePlans.defaultPlan();

    @Test
    void undoRestoresTheEarlierPlanAndRedoReappliesTheEdit() {
        PlanDocument doc = new PlanDocument(seed);
        doc.edit("rename", p -> p.withName("renamed"));
        doc.edit("rename again", p -> p.withName("renamed twice"));
        assertEquals("Undo rename again", doc.undoTextProperty().get());
        doc.undo();
        assertEquals("renamed", doc.plan().name());
        assertEquals("Redo rename again", doc.redoTextProperty().get());
        doc.undo();
        assertSame(seed, doc.plan());
        assertFalse(doc.canUndoProperty().get());
        doc.redo();
        doc.redo();
        assertEquals("renamed twice", doc.plan().name());
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void aNewEditAfterUndoDropsTheRedoHistory() {
        PlanDocument doc = new PlanDocument(seed);
        doc.edit("a", p -> p.withName("a"));
        doc.undo();
        doc.edit("b", p -> p.withName("b"));
        assertFalse(doc.canRedoProperty().get());
        doc.redo();
        assertEquals("b", doc.plan().name());
    }

    @Test
    void undoingBackToTheSavedPlanClearsTheModifiedMark() {
        PlanDocument doc = new PlanDocument(seed);
        assertFalse(doc.isModified());
        doc.edit("rename", p -> p.withName("x"));
        assertTrue(doc.isModified());
        doc.undo();
        assertFalse(doc.isModified(), "the plan equals the one opened again");
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        PlanDocument doc = new PlanDocument(seed);
        doc.edit("same name", p -> p.withName(seed.name()));
        assertFalse(doc.canUndoProperty().get());
        assertFalse(doc.isModified());
    }

    @Test
    void anUnsavedReplacementIsModifiedUntilMarkedSaved() {
        PlanDocument doc = new PlanDocument(seed);
        doc.replace(seed.withName("recovered"), Path.of("x.plan.json"), false);
        assertTrue(doc.isModified());
        doc.markSaved(doc.plan(), Path.of("y.plan.json"));
        assertFalse(doc.isModified());
        assertEquals(Path.of("y.plan.json"), doc.file());
    }

    @Test
    void undoReachesBackAtMostTheLimit() {
        PlanDocument doc = new PlanDocument(seed);
        for (int i = 0; i < PlanDocument.UNDO_LIMIT + 5; i++) {
            int n = i;
            doc.edit("rename " + n, p -> p.withName("name " + n));
        }
        int undone = 0;
        while (doc.canUndoProperty().get()) {
            doc.undo();
            undone++;
        }
        assertEquals(PlanDocument.UNDO_LIMIT, undone);
        // 205 edits named 0..204; undoing 200 of them leaves edit #4 (name 4) in place
        assertEquals("name 4", doc.plan().name());
    }
}
