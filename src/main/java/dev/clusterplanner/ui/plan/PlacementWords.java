package dev.clusterplanner.ui.plan;

import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.Placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A placement as the host table's rows, and the moves of a what-if in words. */
final class PlacementWords {

    private PlacementWords() {
    }

    static List<PlanResultsViewModel.HostRow> rows(Placement p) {
        return p.hosts().stream().map(h -> new PlanResultsViewModel.HostRow(h.name(), h.hardwareId(), h.instances().size(), String.join(", ", h.instances()),
                h.utilisation(Dimension.CPU), h.utilisation(Dimension.MEMORY), h.utilisation(Dimension.DISK), h.utilisation(Dimension.GPU),
                h.utilisation(Dimension.NETWORK))).toList();
    }

    static String moves(List<String> moving, Placement after) {
        Map<String, String> hostOf = new HashMap<>();
        after.hosts().forEach(h -> h.instances().forEach(i -> hostOf.put(i, h.name())));
        if (moving.isEmpty()) {
            return "it ran no instances";
        }
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        for (String i : moving) {
            byTarget.computeIfAbsent(hostOf.getOrDefault(i, "?"), k -> new ArrayList<>()).add(i);
        }
        List<String> parts = new ArrayList<>();
        byTarget.forEach((target, list) -> parts.add(String.join(", ", list) + " -> " + target));
        return String.join("; ", parts);
    }
}
