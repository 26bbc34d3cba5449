package tc0.compiler.elaborate;

import java.util.HashMap;
import java.util.Map;

/** Names visible at a point: a chain of blocks (model or function body, loop iterations). */
final class Scope {
    private final Scope parent;
    private final Map<String, Val> names = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    void define(String name, Val v) {
        names.put(name, v);
    }

    /** The value of {@code name}, or null. */
    Val lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Val v = s.names.get(name);
            if (v != null) return v;
        }
        return null;
    }

    /** Updates the nearest definition of {@code name}; false if there is none. */
    boolean assign(String name, Val v) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.names.containsKey(name)) {
                s.names.put(name, v);
                return true;
            }
        }
        return false;
    }
}
