package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogServiceTest {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);   // the day the catalog sources were read

    @TempDir
    Path dir;

    CatalogService service(Path userFolder) {
        return new CatalogService(userFolder, TODAY);
    }

    @Test
    void everyShippedCatalogFileLoadsWithoutAProblem() throws Exception {
        CatalogService.Report r = service(dir.resolve("none")).loadReport();
        assertEquals(List.of(), r.problems());
        assertEquals(CatalogService.shippedFiles().size(), r.files());
        assertNull(r.userFolder());
    }

    @Test
    void theShippedIndexListsExactlyTheCsvFilesOnDisk() throws IOException {
        Path catalogs = Path.of(System.getProperty("project.basedir", "."), "catalogs");
        List<String> onDisk;
        try (Stream<Path> s = Files.walk(catalogs)) {
            onDisk = s.filter(p -> p.toString().endsWith(".csv")).map(p -> catalogs.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertEquals(onDisk, CatalogService.shippedFiles().stream().sorted().toList());
    }

    @Test
    void shippedHardwareHasAtLeastFortyRowsAcrossAllFourCategories() throws Exception {
        Catalog c = service(null).loadShipped();
        assertTrue(c.hardware().size() >= 40, "rows: " + c.hardware().size());
        for (HardwareCategory cat : HardwareCategory.values()) {
            assertFalse(c.hardware(cat).isEmpty(), cat.id());
        }
    }

    @Test
    void theSeedRowsCarryTheSeedsPricesAndDataDisks() throws Exception {
        Catalog c = service(null).loadShipped();
        Hardware meerkat = c.hardware("desktop-meerkat-tall-i5").orElseThrow();
        // three Meerkats: the seed's ~3,000 USD cluster
        assertEquals(3000.0, 3 * meerkat.priceUsd(), 1e-9);
        assertEquals(32, meerkat.memoryGib());
        assertEquals(1, meerkat.dataDisks());
        assertEquals(4000, meerkat.rawDataGb());
        Hardware thelio = c.hardware("desktop-thelio-32c-gpu16").orElseThrow();
        // 2,000 USD host + 800 USD GPU = 2,800 USD; three: 8,400 USD (the seed says "about 9,000")
        assertEquals(2800.0, thelio.priceUsd());
        assertEquals(16, thelio.gpuVramGib());
        Hardware supermicro = c.hardware("rack-supermicro-as1115sv-8224p").orElseThrow();
        assertEquals(15000.0, 3 * supermicro.priceUsd(), 1e-9);
        assertEquals(6 * 64, supermicro.memoryGib());
        assertEquals(48, supermicro.threads());
        Hardware today = c.hardware("rack-supermicro-as1115sv-8224p-2026").orElseThrow();
        // 5,000 + 6 x (700 - 255) = 7,670; + 2 x 3.84 TB x 330 USD/TB = 2,534.4 -> 10,204 (rounded)
        assertEquals(Math.round(5000 + 6 * (700 - 255) + 2 * 3.84 * 330), today.priceUsd(), 1e-9);
        assertTrue(today.estimate());
        assertTrue(today.source().contains("estimate"));
    }

    @Test
    void aPriceWithoutASourceStaysMissingNotZero() throws Exception {
        // no page with Scaleway's rate was read: the row is kept with its price missing, not zero
        Hardware scaleway = service(null).loadShipped().hardware("baremetal-scaleway-em-i120e").orElseThrow();
        assertTrue(scaleway.priceMissing());
        assertNull(scaleway.monthlyUsd());
    }

    @Test
    void awsRowsAreHourlyAndPricedFromTheKarpenterTable() throws Exception {
        Hardware m7i = service(null).loadShipped().hardware("aws-m7i.2xlarge").orElseThrow();
        assertEquals(0.4032, m7i.hourlyUsd());
        assertEquals(8, m7i.threads());
        assertEquals(4, m7i.cores());
        // 0.4032 USD/h x 730 h = 294.336 USD a month
        assertEquals(294.336, m7i.rentalMonthlyUsd().getAsDouble(), 1e-9);
        assertEquals("price from 2026-07", m7i.priceAge());
    }

    @Test
    void aUserRowWithAShippedIdOverridesItAndIsMarkedAsAnOverride() throws Exception {
        Path user = dir.resolve("user");
        Files.createDirectories(user.resolve("hardware"));
        Files.writeString(user.resolve("hardware/mine.csv"), """
                id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,source,source_date,estimate
                desktop-meerkat-tall-i5,My Meerkat,desktop,System76,i5,12,16,64,1450,my invoice,2026-10-01,false
                desktop-own-box,Own box,desktop,Acme,Ryzen,8,16,32,900,my invoice,2026-10-01,false
                """);
        CatalogService.Report r = service(user).loadReport();
        assertEquals(List.of(), r.problems());
        assertEquals(user, r.userFolder());
        Catalog c = r.catalog();
        assertEquals(1450.0, c.hardware("desktop-meerkat-tall-i5").orElseThrow().priceUsd());
        assertTrue(c.isOverride("desktop-meerkat-tall-i5"));
        assertTrue(c.hardware("desktop-own-box").isPresent());
        assertFalse(c.isOverride("desktop-own-box"));
        assertFalse(c.isOverride("aws-m7i.2xlarge"));
    }

    @Test
    void aBadUserFileIsReportedAndLeftOutWhileTheShippedCatalogStillLoads() throws Exception {
        Path user = dir.resolve("user");
        Files.createDirectories(user.resolve("hardware"));
        Path bad = user.resolve("hardware/bad.csv");
        Files.writeString(bad, """
                id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,source,source_date,estimate
                desktop-meerkat-tall-i5,My Meerkat,desktop,System76,i5,12,16,64,1450,my invoice,2026-10-01,false
                box-2,Box,desktop,Acme,Ryzen,8,16,32GB,900,my invoice,2026-10-01,false
                """);
        CatalogService s = service(user);
        CatalogService.Report r = s.loadReport();
        assertEquals(List.of(bad + ":3:8: memory_gib: '32GB' is not a number"),
                r.problems().stream().map(p -> p.describe()).toList());
        // nothing of the bad file applied: the good row on line 2 did not override the shipped Meerkat
        assertEquals(1000.0, r.catalog().hardware("desktop-meerkat-tall-i5").orElseThrow().priceUsd());
        assertFalse(r.catalog().isOverride("desktop-meerkat-tall-i5"));
        assertThrows(InputRejectedException.class, s::load);
    }

    @Test
    void theUserFolderComesFromTheEnvironmentVariableThenXdgThenHome() {
        assertEquals(Path.of("/data/cat"), CatalogService.defaultUserFolder(Map.of("CLUSTER_PLANNER_CATALOGS", "/data/cat"), "/home/a"));
        assertEquals(Path.of("/x/cluster-planner/catalogs"), CatalogService.defaultUserFolder(Map.of("XDG_CONFIG_HOME", "/x"), "/home/a"));
        assertEquals(Path.of("/home/a/.config/cluster-planner/catalogs"), CatalogService.defaultUserFolder(Map.of(), "/home/a"));
    }

    @Test
    void readHardwareImportsASpreadsheetFile() throws Exception {
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, "id,name,category,vendor,cpu_model,cores,threads,memory_gib,monthly_usd,source,source_date,estimate\r\n"
                + "bm-1,\"Box, rented\",baremetal-cloud,Acme,EPYC,16,32,128,199.5,quote 2026-11,2026-11-20,false\r\n\r\n");
        List<Hardware> rows = service(null).readHardware(csv);
        assertEquals(1, rows.size());
        assertEquals("Box, rented", rows.get(0).name());
        assertEquals(199.5, rows.get(0).monthlyUsd());
    }

    @Test
    void readWorkloadsGroupsRowsBySite() throws Exception {
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, """
                name,kind,count,vcpu,memory_gib,disk_gib,anti_affinity,site
                postgres,vm,2,4,16,200,true,production
                app,container,3,1,2,20,,dev
                app,container,6,1,2,20,,production
                """);
        CatalogService s = service(null);
        List<Workload> all = s.readWorkloads(csv);
        assertEquals(3, all.size());
        Map<String, List<Workload>> bySite = s.readWorkloadsBySite(csv);
        assertEquals(List.of("production", "dev"), List.copyOf(bySite.keySet()));
        assertEquals(2, bySite.get("production").size());
        assertTrue(bySite.get("production").get(0).antiAffinity());
        assertEquals(6, bySite.get("production").get(1).count());
    }

    @Test
    void shippedPricesCarryTheAwsTiersAndFacilityFigures() throws Exception {
        Catalog c = service(null).loadShipped();
        assertEquals(List.of(0.0, 0.09, 0.085, 0.07, 0.05),
                c.pricesStartingWith("aws-transfer-out-gb").stream().map(p -> p.value()).toList());
        // tiers in GB a month: free 100 GB, then to 10 TB (10 x 1024), 50 TB, 150 TB
        assertEquals(List.of(0.0, 100.0, 10240.0, 51200.0, 153600.0),
                c.pricesStartingWith("aws-transfer-out-gb").stream().map(p -> p.tier()).toList());
        assertEquals(0.08, c.price("aws-ebs-gp3-gb-month").orElseThrow().value());
        assertEquals(3000.0, c.price("aws-ebs-gp3-included-iops").orElseThrow().value());
        assertEquals(1.58, c.price("pue-datacentre-average").orElseThrow().value());
        assertEquals(184.06, c.price("colocation-north-america-kw-month").orElseThrow().value());
        assertTrue(c.price("aws-commitment-3y-discount").orElseThrow().estimate());
        assertEquals("price from 2025-04", c.price("electricity-us-middle-atlantic-commercial").orElseThrow().priceAge());
    }

    @Test
    void theProfileLibraryHasTheIssuesProfiles() throws Exception {
        Catalog c = service(null).loadShipped();
        for (String name : List.of("postgres", "app", "reverse-proxy", "vpn", "windows-desktop", "gpu-inference", "nix-builder",
                "monitoring", "backup", "oci-app")) {
            assertTrue(c.profile(name).isPresent(), name);
        }
        assertTrue(c.profile("postgres").orElseThrow().antiAffinity());
        assertEquals(1, c.profile("gpu-inference").orElseThrow().gpu());
    }

    @Test
    void theSameIdInTwoUserFilesRejectsTheSecondFile() throws Exception {
        Path user = dir.resolve("user");
        Files.createDirectories(user.resolve("hardware"));
        String header = "id,name,category,vendor,cpu_model,cores,threads,memory_gib,price_usd,source,source_date,estimate\n";
        Files.writeString(user.resolve("hardware/a.csv"), header + "box,Box,desktop,Acme,i5,12,16,32,900,invoice,2026-10-01,false\n");
        Path b = user.resolve("hardware/b.csv");
        Files.writeString(b, header + "other,Other,desktop,Acme,i5,12,16,32,900,invoice,2026-10-01,false\n"
                + "box,Box 2,desktop,Acme,i5,12,16,64,950,invoice,2026-10-01,false\n");
        CatalogService.Report r = service(user).loadReport();
        assertEquals(List.of(b + ":3:1: id: id 'box' is already defined in " + user.resolve("hardware/a.csv") + " line 2"),
                r.problems().stream().map(p -> p.describe()).toList());
        assertEquals(900.0, r.catalog().hardware("box").orElseThrow().priceUsd());
        assertTrue(r.catalog().hardware("other").isEmpty());
    }

    @Test
    void partsArePricedForTheCostModelAndMemoryShowsTheSurge() throws Exception {
        Catalog c = service(null).loadShipped();
        assertEquals(330.0, c.price("part-drive-nvme-tb").orElseThrow().value());
        assertEquals(300.0, c.price("part-nic-2x10g").orElseThrow().value());
        // 255 -> 450 -> 700 USD per 64 GB RDIMM forecast (2.75 times in two quarters); the Q1 2026 contract price was over 900
        List<Double> memory = c.pricesStartingWith("part-memory-ddr5-rdimm-64gb").stream().map(p -> p.value()).toList();
        assertEquals(List.of(255.0, 450.0, 700.0, 900.0), memory.stream().sorted().toList());
        assertFalse(c.price("part-memory-ddr5-rdimm-64gb-2026q1-actual").orElseThrow().estimate());
        assertTrue(c.price("part-memory-ddr5-rdimm-64gb-2026q1").orElseThrow().estimate());
        assertTrue(c.pricesStartingWith("part-switch-").isEmpty(), "no citable switch price: none is shipped");
    }
}
