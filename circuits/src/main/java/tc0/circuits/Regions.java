package tc0.circuits;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The region tree: where in the source model each gate comes from ({@code layer[1]/attention/softmax}).
 * Region 0 is the root (the empty path). Immutable; build with {@link Builder}.
 */
public final class Regions {
    public static final int ROOT = 0;
    private static final Regions ROOT_ONLY = new Builder().build();

    private final int[] parent;
    private final String[] name;

    private Regions(int[] parent, String[] name) {
        this.parent = parent;
        this.name = name;
    }

    public static Regions rootOnly() {
        return ROOT_ONLY;
    }

    /** Builds from parallel arrays as stored in files; parent[i] must be smaller than i for i > 0. */
    public static Regions of(int[] parent, String[] name) {
        if (parent.length != name.length || parent.length == 0) throw new IllegalArgumentException("bad region table");
        for (int i = 1; i < parent.length; i++) {
            if (parent[i] < 0 || parent[i] >= i) throw new IllegalArgumentException("region " + i + " has bad parent " + parent[i]);
            Objects.requireNonNull(name[i]);
        }
        return new Regions(parent.clone(), name.clone());
    }

    public int size() {
        return parent.length;
    }

    /** The parent region, or -1 for the root. */
    public int parent(int region) {
        return region == ROOT ? -1 : parent[region];
    }

    public String name(int region) {
        return name[region];
    }

    /** Distance from the root: 0 for the root. */
    public int depth(int region) {
        int d = 0;
        for (int r = region; r != ROOT; r = parent[r]) d++;
        return d;
    }

    /** The path from the root, names joined by '/': "" for the root. */
    public String path(int region) {
        if (region == ROOT) return "";
        String p = path(parent[region]);
        return p.isEmpty() ? name[region] : p + "/" + name[region];
    }

    /** True if {@code ancestor} is {@code region} or one of its ancestors. */
    public boolean contains(int ancestor, int region) {
        for (int r = region; ; r = parent[r]) {
            if (r == ancestor) return true;
            if (r == ROOT) return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Regions r && Arrays.equals(parent, r.parent) && Arrays.equals(name, r.name);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(parent) + Arrays.hashCode(name);
    }

    /** Interns (parent, name) pairs into region ids. */
    public static final class Builder {
        private int[] parent = new int[16];
        private String[] name = new String[16];
        private int size = 1;
        private final Map<String, Integer> ids = new HashMap<>();

        public Builder() {
            parent[0] = -1;
            name[0] = "";
        }

        /** The id of the child {@code childName} of {@code parentId}, made if new. */
        public int child(int parentId, String childName) {
            if (parentId < 0 || parentId >= size) throw new IllegalArgumentException("no region " + parentId);
            if (childName.isEmpty() || childName.contains("/")) {
                throw new IllegalArgumentException("region name must be non-empty and free of '/': '" + childName + "'");
            }
            return ids.computeIfAbsent(parentId + "/" + childName, k -> {
                if (size == parent.length) {
                    parent = Arrays.copyOf(parent, size * 2);
                    name = Arrays.copyOf(name, size * 2);
                }
                parent[size] = parentId;
                name[size] = childName;
                return size++;
            });
        }

        public Regions build() {
            return new Regions(Arrays.copyOf(parent, size), Arrays.copyOf(name, size));
        }
    }
}
