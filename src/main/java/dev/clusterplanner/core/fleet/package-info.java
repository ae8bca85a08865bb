/**
 * The cheapest fleet: which hosts of which types (any number of types, limited stock, hosts already owned,
 * configure-to-order chassis) carry a set of instances at the lowest total cost over the horizon.
 * <p>
 * Plain input records ({@link FleetProblem}, {@link FleetWorkload}, {@link HostType}, {@link Chassis}), one entry
 * point ({@link FleetSolver#solve}) and one checker ({@link FleetCheck}) that every answer passes. The search is a
 * large neighbourhood search whose repairs are exact CP-SAT models (OR-Tools), started from
 * bin-oriented and item-oriented constructions; see decision records 0220 and 0221.
 */
package dev.clusterplanner.core.fleet;
