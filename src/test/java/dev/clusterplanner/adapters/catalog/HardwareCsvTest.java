package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.Billing;
import dev.clusterplanner.core.model.CpuArch;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardwareCsvTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String HEADER = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,source,source_date,estimate";
    static final String GOOD = "desk-1,Desk one,desktop,Acme,i5,12,16,32,1000,seed,2026-11-01,false";

    static List<String> problems(String text) {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> HardwareCsv.parse(text, "hw.csv", TODAY));
        return e.problems().stream().map(InputProblem::describe).toList();
    }

    @Test
    void aGoodRowLoadsWithDefaultsForTheOptionalColumns() throws Exception {
        List<Hardware> rows = HardwareCsv.parse(HEADER + "\n" + GOOD + "\n", "hw.csv", TODAY);
        Hardware h = rows.get(0);
        assertEquals("desk-1", h.id());
        assertEquals(HardwareCategory.DESKTOP, h.category());
        assertEquals(1, h.sockets());
        assertEquals(1.0, h.cpuScore());
        assertEquals(1, h.nicPorts());
        assertEquals(1.0, h.nicGbps());
        assertEquals(0, h.dataDisks());
        assertNull(h.dataDiskType());
        assertNull(h.powerIdleW());
        assertNull(h.monthlyUsd());
        assertEquals(1000.0, h.priceUsd());
        assertEquals(LocalDate.of(2026, 11, 1), h.sourceDate());
        assertEquals("", h.notes());
    }

    @Test
    void aWordInANumberColumnIsReportedWithItsLineAndColumn() {
        // memory_gib is the 8th column; the bad row is on line 3
        assertEquals(List.of("hw.csv:3:8: memory_gib: '32GB' is not a number"),
                problems(HEADER + "\n" + GOOD + "\ndesk-2,Desk two,desktop,Acme,i5,12,16,32GB,1000,seed,2026-11-01,false\n"));
    }

    @Test
    void aThousandsSeparatorGetsAHint() {
        assertEquals(List.of("hw.csv:2:9: price_usd: '1,000' is not a number (write it without a thousands separator: 1000)"),
                problems(HEADER + "\ndesk-2,Desk two,desktop,Acme,i5,12,16,32,\"1,000\",seed,2026-11-01,false\n"));
    }

    @Test
    void zeroOrNegativeWhereImpossibleIsRejected() {
        assertEquals(List.of(
                        "hw.csv:2:6: cores: must be greater than 0, got 0",
                        "hw.csv:2:8: memory_gib: must be greater than 0, got -4"),
                problems(HEADER + "\ndesk-2,Desk two,desktop,Acme,i5,0,16,-4,1000,seed,2026-11-01,false\n"));
    }

    @Test
    void aFractionOfACoreIsNotAWholeNumber() {
        assertEquals(List.of("hw.csv:2:6: cores: '12.5' is not a whole number"),
                problems(HEADER + "\ndesk-2,Desk two,desktop,Acme,i5,12.5,16,32,1000,seed,2026-11-01,false\n"));
    }

    @Test
    void aDuplicateIdNamesTheFirstLine() {
        assertEquals(List.of("hw.csv:3:1: id: id 'desk-1' is used twice (first on line 2)"),
                problems(HEADER + "\n" + GOOD + "\n" + GOOD + "\n"));
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
        String header = HEADER.replace(",memory_gib", "");
        String row = GOOD.replace(",32,1000", ",1000");
        assertEquals(List.of("hw.csv:1: memory_gib: the required column 'memory_gib' is missing"),
                problems(header + "\n" + row + "\n"));
    }

    @Test
    void anUnknownCategoryListsTheValidOnes() {
        assertEquals(List.of("hw.csv:2:3: category: unknown category 'server' (expected desktop, rack, baremetal-cloud or cloud)"),
                problems(HEADER + "\n" + GOOD.replace(",desktop,", ",server,") + "\n"));
    }

    @Test
    void aSourceDateInTheFutureIsRejected() {
        assertEquals(List.of("hw.csv:2:11: source_date: the date 2026-11-26 is in the future (today is 2026-11-25)"),
                problems(HEADER + "\n" + GOOD.replace("2026-11-01", "2026-11-26") + "\n"));
    }

    @Test
    void todaysDateIsNotInTheFuture() throws Exception {
        assertEquals(1, HardwareCsv.parse(HEADER + "\n" + GOOD.replace("2026-11-01", "2026-11-25"), "hw.csv", TODAY).size());
    }

    @Test
    void aDateInAnotherFormatIsRejected() {
        assertEquals(List.of("hw.csv:2:11: source_date: '01/11/2026' is not a date (write it as YYYY-MM-DD)"),
                problems(HEADER + "\n" + GOOD.replace("2026-11-01", "01/11/2026") + "\n"));
    }

    @Test
    void threadsBelowCoresIsImpossible() {
        assertEquals(List.of("hw.csv:2:7: threads: threads (8) cannot be fewer than cores (12)"),
                problems(HEADER + "\n" + GOOD.replace(",12,16,", ",12,8,") + "\n"));
    }

    @Test
    void aSemicolonSeparatedFileGetsAPlainMessage() {
        String text = HEADER.replace(',', ';') + "\n" + GOOD.replace(',', ';') + "\n";
        assertEquals(List.of("hw.csv:1: this file uses ';' as separator; use ','"), problems(text));
    }

    @Test
    void aFileWithOneBadRowLoadsNoneOfItsRows() {
        List<InputProblem> found = new ArrayList<>();
        String text = HEADER + "\n" + GOOD + "\n" + GOOD.replace("desk-1", "desk-2").replace(",32,", ",lots,") + "\n"
                + GOOD.replace("desk-1", "desk-3") + "\n";
        List<Lined<Hardware>> rows = HardwareCsv.parse(text, "hw.csv", TODAY, found, Map.of());
        assertEquals(List.of(), rows);
        assertEquals(List.of("hw.csv:3:8: memory_gib: 'lots' is not a number"), found.stream().map(InputProblem::describe).toList());
    }

    @Test
    void everyProblemInAFileIsReportedNotJustTheFirst() {
        String text = HEADER + "\n"
                + "desk-1,One,desktop,Acme,i5,12,16,32GB,1000,seed,2026-11-01,false\n"
                + "desk-2,Two,tower,Acme,i5,12,16,32,1000,seed,2026-11-01,maybe\n";
        assertEquals(List.of(
                "hw.csv:2:8: memory_gib: '32GB' is not a number",
                "hw.csv:3:3: category: unknown category 'tower' (expected desktop, rack, baremetal-cloud or cloud)",
                "hw.csv:3:12: estimate: 'maybe' is not true or false"), problems(text));
    }

    @Test
    void spreadsheetOutputWithBomCrlfQuotedCommasAndTrailingBlankLinesIsAccepted() throws Exception {
        String text = "\uFEFF" + HEADER + ",notes\r\n"
                + "desk-1,\"Desk, tall\",desktop,Acme,\"Core i5, 12 cores\",12,16,32,1000,\"seed, p. 3\",2026-11-01,false,\"a note\r\nover two lines\"\r\n"
                + "\r\n\r\n";
        List<Hardware> rows = HardwareCsv.parse(text, "hw.csv", TODAY);
        assertEquals(1, rows.size());
        assertEquals("Desk, tall", rows.get(0).name());
        assertEquals("Core i5, 12 cores", rows.get(0).cpuModel());
        assertEquals("seed, p. 3", rows.get(0).source());
        assertTrue(rows.get(0).notes().startsWith("a note"));
    }

    @Test
    void aRowAfterAMultiLineFieldIsReportedOnItsRealLine() {
        String text = HEADER + ",notes\n"
                + GOOD + ",\"two\nlines\"\n"
                + "desk-2,Two,desktop,Acme,i5,12,16,32GB,1000,seed,2026-11-01,false,\n";
        assertEquals(List.of("hw.csv:4:8: memory_gib: '32GB' is not a number"), problems(text));
    }

    @Test
    void anUnknownColumnSuggestsTheNearestKnownOne() {
        String text = HEADER + ",memory_gb\n" + GOOD + ",32\n";
        assertEquals(List.of("hw.csv:1:13: memory_gb: unknown column 'memory_gb' (did you mean 'memory_gib'?)"), problems(text));
    }

    @Test
    void aRowWithTooFewFieldsIsRejected() {
        assertEquals(List.of("hw.csv:2: this row has 3 fields but the header has 12"), problems(HEADER + "\na,b,c\n"));
    }

    @Test
    void aBlankRequiredValueIsRejected() {
        assertEquals(List.of("hw.csv:2:8: memory_gib: a value is required"),
                problems(HEADER + "\n" + GOOD.replace(",32,", ",,") + "\n"));
    }

    @Test
    void anEstimateMustSaySoInItsSource() {
        assertEquals(List.of("hw.csv:2:10: source: an estimate must say 'estimate' in its source"),
                problems(HEADER + "\n" + GOOD.replace(",false", ",true") + "\n"));
    }

    @Test
    void aFileWithoutAnyPriceColumnIsRejected() {
        String header = HEADER.replace(",price_usd", "");
        String row = GOOD.replace(",1000,", ",");
        assertEquals(List.of("hw.csv:1: price_usd: the file needs a price column: price_usd, monthly_usd or hourly_usd"),
                problems(header + "\n" + row + "\n"));
    }

    @Test
    void anEmptyPriceStaysMissing() throws Exception {
        Hardware h = HardwareCsv.parse(HEADER + "\n" + GOOD.replace(",1000,", ",,"), "hw.csv", TODAY).get(0);
        assertTrue(h.priceMissing());
    }

    @Test
    void dataDisksNeedASizeAndDefaultToNvme() throws Exception {
        String header = HEADER + ",data_disks,data_disk_gb";
        assertEquals(List.of("hw.csv:2:14: data_disk_gb: data_disks is 2, so data_disk_gb (the size of each data disk) is needed"),
                problems(header + "\n" + GOOD + ",2,\n"));
        Hardware h = HardwareCsv.parse(header + "\n" + GOOD + ",2,3840\n", "hw.csv", TODAY).get(0);
        assertEquals(DiskType.NVME, h.dataDiskType());
        assertEquals(2 * 3840, h.rawDataGb());
    }

    @Test
    void idlePowerAboveMaximumIsImpossible() {
        String header = HEADER + ",power_idle_w,power_max_w";
        assertEquals(List.of("hw.csv:2:13: power_idle_w: power_idle_w (300) cannot be more than power_max_w (100)"),
                problems(header + "\n" + GOOD + ",300,100\n"));
    }

    @Test
    void anEmptyFileNeedsAHeader() {
        assertEquals(List.of("hw.csv:1: the file is empty; it needs a header row"), problems("\n\n"));
    }

    @Test
    void anUnclosedQuoteIsReported() {
        List<String> p = problems(HEADER + "\ndesk-1,\"Desk one,desktop,Acme,i5,12,16,32,1000,seed,2026-11-01,false\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("hw.csv:"), p.get(0));
        assertTrue(p.get(0).endsWith("a quoted field is not closed (a '\"' is missing)"), p.get(0));
    }

    @Test
    void aDayThatDoesNotExistIsNotADate() {
        assertEquals(List.of("hw.csv:2:11: source_date: '2026-02-30' is not a date (write it as YYYY-MM-DD)"),
                problems(HEADER + "\n" + GOOD.replace("2026-11-01", "2026-02-30") + "\n"));
    }

    // billing, CPU architecture and VM support: vendor behaviour as catalog data

    static final String RENT_HEADER = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,monthly_usd,hourly_usd,source,"
            + "source_date,estimate,billing_unit,billing_minimum,cpu_arch,runs_vms";
    static final String RENT = "bm-1,Server one,baremetal-cloud,Acme,Xeon,8,16,64,,0.65,lead,2026-11-01,false";

    @Test
    void billingArchitectureAndVmSupportAreReadFromTheirColumns() throws Exception {
        Hardware h = HardwareCsv.parse(RENT_HEADER + "\n" + RENT + ",hour,1,arm64,false\n", "hw.csv", TODAY).get(0);
        assertEquals(new Billing(Billing.Unit.HOUR, 1), h.billing());
        assertEquals(CpuArch.ARM64, h.cpuArch());
        assertFalse(h.runsVms());
    }

    @Test
    void blankVendorColumnsTakeTheDocumentedDefaults() throws Exception {
        Hardware hourly = HardwareCsv.parse(RENT_HEADER + "\n" + RENT + ",,,,\n", "hw.csv", TODAY).get(0);
        assertEquals(Billing.PER_SECOND, hourly.billing(), "an hourly rate without billing columns is billed by the second");
        assertEquals(CpuArch.X86_64, hourly.cpuArch());
        assertTrue(hourly.runsVms(), "a bare-metal server runs VMs");
        Hardware cloud = HardwareCsv.parse(RENT_HEADER + "\n" + RENT.replace("baremetal-cloud", "cloud") + ",,,,\n", "hw.csv", TODAY).get(0);
        assertFalse(cloud.runsVms(), "a cloud type runs VMs only when the catalog says so");
        Hardware owned = HardwareCsv.parse(HEADER + "\n" + GOOD + "\n", "hw.csv", TODAY).get(0);
        assertEquals(Billing.MONTHLY, owned.billing());
        assertTrue(owned.runsVms());
    }

    @Test
    void aBadVendorValueIsReportedWithFileLineAndColumn() {
        // billing_unit is column 14, billing_minimum 15, cpu_arch 16, runs_vms 17; the rows are on line 2
        assertEquals(List.of("hw.csv:2:14: billing_unit: 'minute' is not a billing unit (expected second, hour or month)"),
                problems(RENT_HEADER + "\n" + RENT + ",minute,1,x86_64,true\n"));
        assertEquals(List.of("hw.csv:2:15: billing_minimum: must be 0 or more, got -1"),
                problems(RENT_HEADER + "\n" + RENT + ",hour,-1,x86_64,true\n"));
        assertEquals(List.of("hw.csv:2:16: cpu_arch: 'arm' is not a CPU architecture (expected x86_64 or arm64)"),
                problems(RENT_HEADER + "\n" + RENT + ",hour,1,arm,true\n"));
        assertEquals(List.of("hw.csv:2:17: runs_vms: 'metal' is not true or false"),
                problems(RENT_HEADER + "\n" + RENT + ",hour,1,x86_64,metal\n"));
    }

    @Test
    void billingMustFitTheRowsRate() {
        assertEquals(List.of("hw.csv:2:14: billing_unit: billing_unit 'month' bills a monthly rate, and this row has no monthly_usd"),
                problems(RENT_HEADER + "\n" + RENT + ",month,,x86_64,true\n"));
        assertEquals(List.of("hw.csv:2:14: billing_unit: billing_unit 'hour' bills an hourly rate, and this row has no hourly_usd"),
                problems(RENT_HEADER + "\n" + RENT.replace(",,0.65,", ",224,,") + ",hour,,x86_64,true\n"));
        assertEquals(List.of("hw.csv:2:14: billing_unit: billing applies to a rented row, and this row has neither monthly_usd nor hourly_usd"),
                problems(RENT_HEADER + "\n" + RENT.replace(",,0.65,", ",,,") + ",hour,,x86_64,true\n"));
        assertEquals(List.of("hw.csv:2:15: billing_minimum: billing_minimum counts billing units, so billing_unit (second, hour or month) is needed"),
                problems(RENT_HEADER + "\n" + RENT + ",,1,x86_64,true\n"));
    }

    @Test
    void theAvailableColumnIsAStockLimitAndBlankMeansUnlimited() throws Exception {
        List<Hardware> rows = HardwareCsv.parse(HEADER + ",available\n" + GOOD + ",4\n" + GOOD.replace("desk-1", "desk-2") + ",\n",
                "hw.csv", TODAY);
        assertEquals(4, rows.get(0).available());
        assertNull(rows.get(1).available());
    }

    @Test
    void aNegativeOrFractionalStockIsRejectedWithItsColumn() {
        // available is the 13th column
        assertEquals(List.of("hw.csv:2:13: available: must be 0 or more, got -1"), problems(HEADER + ",available\n" + GOOD + ",-1\n"));
        assertTrue(problems(HEADER + ",available\n" + GOOD + ",2.5\n").get(0).startsWith("hw.csv:2:13: available:"));
    }

    @Test
    void aWrittenRowKeepsItsStock() throws Exception {
        Hardware h = HardwareCsv.parse(HEADER + ",available\n" + GOOD + ",3\n", "hw.csv", TODAY).get(0);
        assertEquals(3, HardwareCsv.parse(HardwareCsvWriter.write(List.of(h)), "again.csv", TODAY).get(0).available());
    }
}
