package dev.clusterplanner.core.live;

/** A network the server knows: a managed one (bridge, OVN, ...) or a host interface. */
public record LiveNetwork(String name, String type, boolean managed, String status) {
}
