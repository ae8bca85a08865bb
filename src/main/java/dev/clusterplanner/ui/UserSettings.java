package dev.clusterplanner.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs: window size, the last plan, recent files, the theme.
 * The window keeps them with {@link java.util.prefs.Preferences}; tests use {@link #inMemory()}.
 */
public interface UserSettings extends dev.clusterplanner.app.TrustedCertificates.Store {

    String RECENT = "recent.";
    int MAX_RECENT = 8;

    String get(String key);

    void put(String key, String value);

    void remove(String key);

    default String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    default double getDouble(String key, double fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    default boolean getBoolean(String key, boolean fallback) {
        String v = get(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    /** Recent plan files, most recent first. */
    default List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = get(RECENT + i);
            if (v != null && !v.isBlank()) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    default void setRecentFiles(List<Path> files) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < files.size()) {
                put(RECENT + i, files.get(i).toString());
            } else {
                remove(RECENT + i);
            }
        }
    }

    static UserSettings inMemory() {
        Map<String, String> map = new HashMap<>();
        return new UserSettings() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }

            @Override
            public void remove(String key) {
                map.remove(key);
            }
        };
    }

    /** The user's preferences node {@code dev/clusterplanner} (on Linux under ~/.java/.userPrefs). */
    static UserSettings preferences() {
        Preferences node = Preferences.userRoot().node("dev/clusterplanner");
        return new UserSettings() {
            @Override
            public String get(String key) {
                return node.get(key, null);
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
                flush();
            }

            @Override
            public void remove(String key) {
                node.remove(key);
                flush();
            }

            private void flush() {
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // remembered for this run only; nothing the user can act on
                }
            }
        };
    }
}
