package dev.clusterplanner.adapters.export;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvInjectionTest {

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaGetALeadingApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\")", CostCsv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd", CostCsv.cell("+cmd"));
        assertEquals("'-2+3", CostCsv.cell("-2+3"));
        assertEquals("'@SUM(A1)", CostCsv.cell("@SUM(A1)"));
        assertEquals("'\tx", CostCsv.cell("\tx"));
    }

    @Test
    void numbersAndOrdinaryTextAreUnchanged() {
        assertEquals("-12.50", CostCsv.cell("-12.50"));
        assertEquals("+3", CostCsv.cell("+3"));
        assertEquals("1e5", CostCsv.cell("1e5"));
        assertEquals("desktop-meerkat", CostCsv.cell("desktop-meerkat"));
        assertEquals("", CostCsv.cell(""));
    }
}
