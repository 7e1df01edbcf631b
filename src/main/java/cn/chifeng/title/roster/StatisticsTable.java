package cn.chifeng.title.roster;

import java.text.Collator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.eligibility.PostQuotas.Posts;

/**
 * 附件3 岗位数及申报人数统计表 (ROS-2) as rows: per unit and series the applicants per level, against the unit's
 * entered posts per level (岗位数, 在岗人数, 空岗数 — posts are the unit's, not a series'); a unit with more applicants
 * at a level than vacant posts is marked 超岗 at that level. A unit of one series is one row; a unit of several has
 * a row per series and a 小计 row with its posts; the last row is the 合计.
 */
final class StatisticsTable {
    /** A level column group: key in field names ({@code posts.SENIOR}), label, the level codes it counts. */
    record LevelGroup(String key, String label, Set<String> levels) {
    }

    static final List<LevelGroup> LEVELS = List.of(
            new LevelGroup("SENIOR", "正高级", Set.of("SENIOR")),
            new LevelGroup("ASSOCIATE_SENIOR", "副高级", Set.of("ASSOCIATE_SENIOR")),
            new LevelGroup("INTERMEDIATE", "中级", Set.of("INTERMEDIATE")),
            new LevelGroup("JUNIOR", "初级", Set.of("ASSISTANT", "MEMBER")));

    static final String[] PER_LEVEL = {"posts", "holders", "vacant", "applicants"};

    /** The field names a template's statistics columns may use. */
    static Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>(List.of(RosterRows.ROW_NUMBER, "unit", "employerCode", "county",
                "series"));
        for (LevelGroup g : LEVELS) {
            for (String f : PER_LEVEL) {
                names.add(f + "." + g.key());
            }
        }
        names.add("applicants");
        names.add("over");
        return names;
    }

    enum Kind { UNIT, SERIES, SUBTOTAL, TOTAL }

    /** One row: its kind, its running number (units only) and its values by field name. */
    record Row(Kind kind, Integer number, Map<String, Object> values) {
        boolean over() {
            return values.get("over") != null;
        }
    }

    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private StatisticsTable() {
    }

    /**
     * @param applications the counted applications of the body's scope
     * @param posts        unit code → level code → entered posts
     * @param countyName   county code → name
     */
    static List<Row> rows(List<ApplicationRecord> applications, Map<String, Map<String, Posts>> posts,
                          Function<String, String> countyName) {
        Map<String, List<ApplicationRecord>> byUnit = new TreeMap<>();
        for (ApplicationRecord a : applications) {
            byUnit.computeIfAbsent(unitKey(a), k -> new ArrayList<>()).add(a);
        }
        List<Map.Entry<String, List<ApplicationRecord>>> units = new ArrayList<>(byUnit.entrySet());
        units.sort((x, y) -> {
            int c = CHINESE.compare(x.getValue().get(0).employerName(), y.getValue().get(0).employerName());
            return c != 0 ? c : x.getKey().compareTo(y.getKey());
        });
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        int number = 0;
        for (var unit : units) {
            ApplicationRecord first = unit.getValue().get(0);
            Map<String, Posts> unitPosts = first.employerCode() == null ? null : posts.get(first.employerCode());
            Map<String, List<ApplicationRecord>> bySeries = new TreeMap<>(java.util.Comparator
                    .comparingInt(RosterRows::seriesOrder).thenComparing(java.util.Comparator.naturalOrder()));
            unit.getValue().forEach(a -> bySeries.computeIfAbsent(a.series(), k -> new ArrayList<>()).add(a));
            number++;
            boolean single = bySeries.size() == 1;
            boolean firstRow = true;
            for (var series : bySeries.entrySet()) {
                Map<String, Object> v = base(first, countyName, seriesLabel(series.getKey()));
                count(v, series.getValue());
                if (single) {
                    posts(v, unitPosts, totals);
                }
                rows.add(new Row(single ? Kind.UNIT : Kind.SERIES, firstRow ? number : null, v));
                firstRow = false;
            }
            if (!single) {
                Map<String, Object> v = base(first, countyName, "小计");
                count(v, unit.getValue());
                posts(v, unitPosts, totals);
                rows.add(new Row(Kind.SUBTOTAL, null, v));
            }
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("unit", "合计");
        count(total, applications);
        for (LevelGroup g : LEVELS) {
            for (String f : new String[] {"posts", "holders", "vacant"}) {
                total.put(f + "." + g.key(), totals.get(f + "." + g.key()));
            }
        }
        rows.add(new Row(Kind.TOTAL, null, total));
        return rows;
    }

    private static Map<String, Object> base(ApplicationRecord unit, Function<String, String> countyName,
                                            String series) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("unit", unit.employerName());
        v.put("employerCode", unit.employerCode());
        v.put("county", countyName.apply(unit.county()));
        v.put("series", series);
        return v;
    }

    private static void count(Map<String, Object> v, List<ApplicationRecord> applications) {
        for (LevelGroup g : LEVELS) {
            v.put("applicants." + g.key(),
                    (int) applications.stream().filter(a -> g.levels().contains(a.targetLevel())).count());
        }
        v.put("applicants", applications.size());
    }

    /** The unit's posts per level and the 超岗 mark: more applicants at a level than vacant posts. */
    private static void posts(Map<String, Object> v, Map<String, Posts> unitPosts, Map<String, Integer> totals) {
        if (unitPosts == null) {
            return;
        }
        List<String> over = new ArrayList<>();
        for (LevelGroup g : LEVELS) {
            List<Posts> entered = g.levels().stream().map(unitPosts::get).filter(java.util.Objects::nonNull).toList();
            if (entered.isEmpty()) {
                continue;
            }
            int posts = entered.stream().mapToInt(Posts::posts).sum();
            int holders = entered.stream().mapToInt(Posts::holders).sum();
            int vacant = entered.stream().mapToInt(Posts::vacant).sum();
            put(v, totals, "posts." + g.key(), posts);
            put(v, totals, "holders." + g.key(), holders);
            put(v, totals, "vacant." + g.key(), vacant);
            if ((Integer) v.get("applicants." + g.key()) > vacant) {
                over.add(g.label());
            }
        }
        if (!over.isEmpty()) {
            v.put("over", "超岗：" + String.join("、", over));
        }
    }

    private static void put(Map<String, Object> v, Map<String, Integer> totals, String field, int n) {
        v.put(field, n);
        totals.merge(field, n, Integer::sum);
    }

    private static String unitKey(ApplicationRecord a) {
        return a.employerCode() != null ? a.employerCode() : "~" + a.employerName();
    }

    private static String seriesLabel(String code) {
        try {
            return Series.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
