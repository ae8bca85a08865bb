package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadCsvTest {

    static final String HEADER = "name,kind,count,vcpu,memory_gib,disk_gib";

    static List<String> problems(String text) {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> WorkloadCsv.parse(text, "w.csv"));
        return e.problems().stream().map(InputProblem::describe).toList();
    }

    @Test
    void optionalColumnsTakeThePlanFileDefaults() throws Exception {
        Workload w = WorkloadCsv.parse(HEADER + "\nweb,container,3,1,2,20\n", "w.csv").get(0).workload();
        assertEquals(Workload.of("web", WorkloadKind.CONTAINER, 3, 1, 2, 20), w);
        assertEquals(0.3, w.cpuUtil());
        assertEquals("default", w.project());
        assertFalse(w.antiAffinity());
    }

    @Test
    void allColumnsAreRead() throws Exception {
        WorkloadCsv.Row r = WorkloadCsv.parse("name,kind,count,vcpu,memory_gib,disk_gib,gpu,anti_affinity,iops,write_mbps,"
                + "net_mbps,cpu_util,growth_pct_year,project,site,notes\n"
                + "llm,oci,2,4,16,50,1,true,300,2.5,40,0.6,25,ai,production,\"inference, 8B model\"\n", "w.csv").get(0);
        Workload w = r.workload();
        assertEquals(new Workload("llm", WorkloadKind.OCI, 2, 4, 16, 50, 1, true, 300, 2.5, 40, 0.6, 25, "ai"), w);
        assertEquals("production", r.site());
        assertEquals("inference, 8B model", r.notes());
    }

    @Test
    void aWordForMemoryIsReportedAtItsCell() {
        assertEquals(List.of("w.csv:3:5: memory_gib: '32GB' is not a number"),
                problems(HEADER + "\nweb,container,3,1,2,20\ndb,vm,1,4,32GB,100\n"));
    }

    @Test
    void theValueRulesAreThoseOfAPlanFile() {
        assertEquals(List.of(
                        "w.csv:2:3: count: workload 'web': count must be 1 or more, got 0",
                        "w.csv:2:7: cpu_util: workload 'web': cpu_util is a fraction between 0 and 1, got 1.5"),
                problems(HEADER + ",cpu_util\nweb,container,0,1,2,20,1.5\n"));
    }

    @Test
    void anUnknownKindListsTheValidOnes() {
        assertEquals(List.of("w.csv:2:2: kind: unknown kind 'lxc' (expected container, vm or oci)"),
                problems(HEADER + "\nweb,lxc,1,1,2,20\n"));
    }

    @Test
    void theSameNameTwiceInOneSiteIsRejectedButNotInTwoSites() throws Exception {
        assertEquals(List.of("w.csv:3:1: name: workload name 'web' is used twice in site 'prod' (first on line 2)"),
                problems(HEADER + ",site\nweb,container,1,1,2,20,prod\nweb,container,2,1,2,20,prod\n"));
        assertEquals(2, WorkloadCsv.parse(HEADER + ",site\nweb,container,1,1,2,20,dev\nweb,container,2,1,2,20,prod\n", "w.csv").size());
    }

    @Test
    void aSpreadsheetExportWithSemicolonsGetsAPlainMessage() {
        assertEquals(List.of("w.csv:1: this file uses ';' as separator; use ','"),
                problems("\uFEFFname;kind;count;vcpu;memory_gib;disk_gib\r\nweb;container;1;1;2;20\r\n"));
    }

    @Test
    void aDecimalCommaGetsAHint() {
        assertEquals(List.of("w.csv:2:4: vcpu: '0,5' is not a number (use '.' as the decimal point: 0.5)"),
                problems(HEADER + "\nweb,container,1,\"0,5\",2,20\n"));
    }

    @Test
    void aWorkloadFileWithOneBadRowYieldsNoRows() {
        List<InputProblem> found = new java.util.ArrayList<>();
        List<WorkloadCsv.Row> rows = WorkloadCsv.parse(HEADER + "\nweb,container,1,1,2,20\ndb,vm,-1,4,8,100\n", "w.csv", found);
        assertTrue(rows.isEmpty());
        assertEquals(1, found.size());
    }

    @Test
    void theBandwidthColumnIsWhatAnInstanceUsesOnItsHostsPorts() throws Exception {
        Workload w = WorkloadCsv.parse(HEADER + ",bandwidth_mbps,net_mbps\nweb,container,3,1,2,20,8000,5\n", "w.csv").get(0).workload();
        assertEquals(8000.0, w.bandwidthMbps());
        assertEquals(5.0, w.netMbps());
        assertEquals(0.0, WorkloadCsv.parse(HEADER + "\nweb,container,3,1,2,20\n", "w.csv").get(0).workload().bandwidthMbps());
    }

    @Test
    void aNegativeBandwidthIsRejectedWithItsColumnName() {
        List<String> p = problems(HEADER + ",bandwidth_mbps\nweb,container,3,1,2,20,-1\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("w.csv:2:7: bandwidth_mbps:"), p.toString());
    }
}
