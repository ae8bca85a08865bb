package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.HardwareOption;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionCsvTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final String HEADER = "id,hardware,group,choice,memory_gib,data_disks,data_disk_gb,data_disk_type,nic_ports,nic_gbps,"
            + "gpu_model,gpu_count,gpu_vram_gib,gpu_watts,parts,monthly_usd,source,source_date,estimate";
    static final Set<String> HARDWARE = Set.of("rack", "srv");
    static final Set<String> PARTS = Set.of("part-drive-nvme-tb", "part-gpu-l4-24gb");

    static List<InputProblem> problems(String rows) {
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> OptionCsv.parse(HEADER + "\n" + rows, "o.csv", TODAY, HARDWARE, PARTS));
        return e.problems();
    }

    @Test
    void choicesLoadWithWhatTheHostThenHasAndTheirPrice() throws Exception {
        List<HardwareOption> o = OptionCsv.parse(HEADER + "\n"
                + "r-4,rack,data-drives,4 x 3.84 TB,,4,3840,nvme,,,,,,,part-drive-nvme-tb x 7.68,,https://example.org/bays,2026-12-01,false\n"
                + "r-l4,rack,gpu,1 x L4,,,,,,,NVIDIA L4,1,24,72,part-gpu-l4-24gb x 1; part-drive-nvme-tb x 0.5,,https://example.org/gpu,2026-12-01,false\n"
                + "s-2,srv,data-drives,2 x 3.84 TB,,1,3840,nvme,,,,,,,,52.80,\"estimate: 5.76 TB x 330 / 36\",2026-12-06,true\n",
                "o.csv", TODAY, HARDWARE, PARTS);
        assertEquals(3, o.size());
        assertEquals(HardwareOption.Group.DATA_DRIVES, o.get(0).group());
        assertEquals(4, o.get(0).dataDisks());
        assertEquals(DiskType.NVME, o.get(0).dataDiskType());
        assertEquals(List.of(new HardwareOption.Part("part-drive-nvme-tb", 7.68)), o.get(0).parts());
        assertEquals(2, o.get(1).parts().size());
        assertEquals("NVIDIA L4", o.get(1).gpuModel());
        assertEquals(52.80, o.get(2).monthlyUsd());
        assertTrue(o.get(2).estimate());
    }

    @Test
    void everyProblemNamesLineColumnAndField() {
        List<InputProblem> p = problems(
                "x,nowhere,memory,more,256,,,,,,,,,,,,https://example.org,2026-12-01,false\n"
                        + "y,rack,disks,more,,,,,,,,,,,,,https://example.org,2026-12-01,false\n"
                        + "z,rack,memory,more,256,,,,2,25,,,,,,,https://example.org,2026-12-01,false\n"
                        + "w,rack,data-drives,more,,4,,nvme,,,,,,,part-x x 2,,https://example.org,2026-12-01,false\n"
                        + "v,rack,nic,more,,,,,2,25,,,,,part-drive-nvme-tb 2,,https://example.org,2026-12-01,false\n"
                        + "u,srv,memory,more,192,,,,,,,,,,part-drive-nvme-tb x 1,10,https://example.org,2026-12-01,false\n"
                        + "t,srv,memory,more,,,,,,,,,,,,,guess,2026-12-01,true\n");
        List<String> seen = p.stream().map(InputProblem::describe).toList();
        assertHas(seen, "o.csv:2:2: hardware: no hardware row has the id 'nowhere'");
        assertHas(seen, "o.csv:3:3: group: unknown group 'disks' (expected memory, data-drives, nic or gpu)");
        assertHas(seen, "o.csv:4:9: nic_ports: nic_ports belongs to the group nic; this row is in the group memory");
        assertHas(seen, "o.csv:4:10: nic_gbps: nic_gbps belongs to the group nic");
        assertHas(seen, "o.csv:5:7: data_disk_gb: a value is required: drives need their size in GB and their type");
        assertHas(seen, "o.csv:5:15: parts: no price row has the id 'part-x'");
        assertHas(seen, "o.csv:6:15: parts: 'part-drive-nvme-tb 2' is not 'PART-ID x QUANTITY'");
        assertHas(seen, "o.csv:7:16: monthly_usd: a choice is priced by its parts (a purchased row) or by a monthly add-on");
        assertHas(seen, "o.csv:8:5: memory_gib: a value is required: a memory choice gives the configured host's memory in GiB");
        assertHas(seen, "o.csv:8:17: source: an estimate must say 'estimate' in its source");
    }

    @Test
    void limitsAndDuplicatesAreRefused() {
        List<String> seen = problems(
                "a,rack,memory,huge,100000,,,,,,,,,,,,https://example.org,2026-12-01,false\n"
                        + "a,rack,gpu,many,,,,,,,g,65,,,,,https://example.org,2026-12-01,false\n"
                        + "b,rack,data-drives,lots,,4,3840,nvme,,,,,,,part-drive-nvme-tb x 20000,,https://example.org,2026-12-01,false\n"
                        + "c,rack,nic,soon,,,,,2,25,,,,,,,https://example.org,2027-01-01,false\n")
                .stream().map(InputProblem::describe).toList();
        assertHas(seen, "o.csv:2:5: memory_gib: memory_gib must be at most 65536, got 100000");
        assertHas(seen, "o.csv:3:12: gpu_count: gpu_count must be at most 64, got 65");
        assertHas(seen, "o.csv:4:15: parts: the quantity of part-drive-nvme-tb must be greater than 0 and at most 10000, got 20000");
        assertHas(seen, "o.csv:5:18: source_date: the date 2027-01-01 is in the future");
    }

    @Test
    void anOptionFileIsRecognisedByItsChoiceColumn() {
        assertEquals(CatalogLoader.Kind.OPTIONS, CatalogLoader.sniff(HEADER + "\n"));
    }

    static void assertHas(List<String> seen, String start) {
        assertTrue(seen.stream().anyMatch(s -> s.startsWith(start)), "no problem starting with\n  " + start + "\nin\n  " + String.join("\n  ", seen));
    }
}
