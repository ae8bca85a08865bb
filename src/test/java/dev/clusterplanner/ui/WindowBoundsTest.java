package dev.clusterplanner.ui;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The remembered window bounds clamped to fake screens. */
class WindowBoundsTest {

    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740); // 1366x768 less a 28 px panel

    @Test
    void aWindowRememberedOnALargeScreenFitsTheSmallOne() {
        WindowBounds saved = new WindowBounds(900, -40, 1600, 1000);
        WindowBounds now = saved.clampedTo(List.of(LAPTOP));
        assertEquals(new WindowBounds(0, 0, 1366, 740), now);
    }

    @Test
    void aWindowPartlyOffTheRightEdgeIsMovedBackWholeAndKeepsItsSize() {
        WindowBounds now = new WindowBounds(1000, 300, 1000, 600).clampedTo(List.of(LAPTOP));
        assertEquals(new WindowBounds(366, 140, 1000, 600), now);
    }

    @Test
    void aWindowOnAScreenThatIsGoneOpensOnThePrimary() {
        Rectangle2D primary = new Rectangle2D(0, 0, 1920, 1050);
        WindowBounds now = new WindowBounds(2500, 100, 1200, 800).clampedTo(List.of(primary));
        assertEquals(new WindowBounds(720, 100, 1200, 800), now);
    }

    @Test
    void aWindowOnTheSecondScreenStaysThere() {
        Rectangle2D primary = new Rectangle2D(0, 0, 1920, 1050);
        Rectangle2D second = new Rectangle2D(1920, 0, 1366, 740);
        WindowBounds now = new WindowBounds(2000, 50, 1280, 800).clampedTo(List.of(primary, second));
        assertEquals(new WindowBounds(2000, 0, 1280, 740), now);
    }

    @Test
    void noRememberedPositionCentresTheWindow() {
        WindowBounds now = WindowBounds.remembered(UserSettings.inMemory()).clampedTo(List.of(LAPTOP));
        // 1280 x 800 by default: 1280 fits, 800 does not (740); centred horizontally: (1366 - 1280) / 2 = 43
        assertEquals(new WindowBounds(43, 0, 1280, 740), now);
    }
}
