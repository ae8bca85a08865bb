package dev.clusterplanner.app.archfixture;

/** A deliberate violation for ArchitectureTest (test sources only): application code that writes JSON with Jackson itself. */
public class AppWritingJsonItself {
    public String json(Object document) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(document);
    }
}
