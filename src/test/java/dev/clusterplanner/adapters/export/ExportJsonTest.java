package dev.clusterplanner.adapters.export;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How every export document writes its numbers and shared parts (ExportJson). */
class ExportJsonTest {

    static String oneLine(Object doc) {
        return ExportJson.toJson(doc).replaceAll("\\s+", "");
    }

    @Test
    void numbersAreRoundedToFourDecimalsHalfEvenAndWrittenPlainly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("whole", 3000.0);          // was written 3E+3 before the typed records
        m.put("small", 0.123456);        // 0.1235
        m.put("halfEven", 0.00125);      // binary 0.00125000000000000002... -> 0.0013 (above the half)
        m.put("trailing", 2.50);         // 2.5
        m.put("negative", -1234.5);
        m.put("int", 7);
        m.put("long", 10_737_418_240L);
        assertEquals("{\"whole\":3000,\"small\":0.1235,\"halfEven\":0.0013,\"trailing\":2.5,\"negative\":-1234.5,\"int\":7,"
                + "\"long\":10737418240}", oneLine(m));
    }

    @Test
    void nanAndInfinityAreWrittenAsNullNotAsTextOrZero() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nan", Double.NaN);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("missing", null);
        assertEquals("{\"nan\":null,\"inf\":null,\"missing\":null}", oneLine(m));
    }

    @Test
    void recordsAreWrittenFieldByFieldInTheirOrder() {
        var f = ExportJson.findings(List.of(Finding.warning("ceph.nearfull", "above 85 %", "https://docs.ceph.com/")));
        var e = ExportJson.explanations(List.of(new Explanation("usableTiB", 9.31249, "TiB", "(raw - largest) / 3 x 0.85", "")));
        assertEquals("[{\"severity\":\"warning\",\"rule\":\"ceph.nearfull\",\"text\":\"above85%\",\"citation\":\"https://docs.ceph.com/\"}]",
                oneLine(f));
        assertEquals("[{\"figure\":\"usableTiB\",\"value\":9.3125,\"unit\":\"TiB\",\"formula\":\"(raw-largest)/3x0.85\",\"citation\":\"\"}]",
                oneLine(e));
    }
}
