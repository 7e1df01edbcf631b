package cn.chifeng.title.roster;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.chifeng.title.common.PolicyFiles;

/**
 * The layout of the rosters and the statistics table as policy staff write it in {@code reports/rosters.yaml}: per
 * sheet the title, subtitle, columns (header, field, width) and the 填表说明. Read once at start-up; every problem
 * (an unknown field, key or placeholder, a missing header, a sheet missing) is reported at once, naming where it is,
 * and the application does not start.
 */
final class ReportTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    static final Set<String> TITLE_PLACEHOLDERS = Set.of("year", "band", "body", "date");
    static final Set<String> SERIES_ROW_PLACEHOLDERS = Set.of("series", "count");

    /** The file: the 花名册 (ROS-1), the 卫生系统用表 (ROS-3) and the 附件3 统计表 (ROS-2). */
    record File(Sheet roster, @JsonProperty("health-roster") Sheet healthRoster, Sheet statistics) {
    }

    /**
     * A sheet: {@code seriesRow} is the text of the merged row that opens each series (rosters only); {@code note}
     * a line under the table; {@code instructions} the lines of the second sheet 填表说明.
     */
    record Sheet(String title, String subtitle, @JsonProperty("series-row") String seriesRow, String note,
                 List<Column> columns, List<String> instructions) {
    }

    /** A column: its Chinese header, the field it shows and its width in characters (a Chinese character is 2). */
    record Column(String header, String field, Integer width) {
        int widthOrDefault() {
            return width == null ? 12 : width;
        }
    }

    private final File file;

    private ReportTemplate(File file) {
        this.file = file;
    }

    Sheet roster() {
        return file.roster();
    }

    Sheet healthRoster() {
        return file.healthRoster();
    }

    Sheet statistics() {
        return file.statistics();
    }

    /** Reads and checks a template; {@code source} names it in the messages. */
    static ReportTemplate read(InputStream in, String source) {
        File file = PolicyFiles.read(in, File.class, source);
        List<String> problems = new ArrayList<>();
        if (file == null) {
            problems.add("文件为空（应有 roster、health-roster 和 statistics）");
        } else {
            check("roster", file.roster(), RosterRows.fieldNames(), true, problems);
            check("health-roster", file.healthRoster(), RosterRows.fieldNames(), true, problems);
            check("statistics", file.statistics(), StatisticsTable.fieldNames(), false, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("花名册和统计表版式 " + source + " 有误，应用未启动：\n- "
                    + String.join("\n- ", problems));
        }
        return new ReportTemplate(file);
    }

    private static void check(String key, Sheet sheet, Set<String> fields, boolean roster, List<String> problems) {
        if (sheet == null) {
            problems.add("缺少表 “" + key + "”");
            return;
        }
        String where = key + (blank(sheet.title()) ? "" : "（" + sheet.title() + "）");
        if (blank(sheet.title())) {
            problems.add(where + "：缺少 title（表名）");
        }
        placeholders(where + " title", sheet.title(), TITLE_PLACEHOLDERS, problems);
        placeholders(where + " subtitle", sheet.subtitle(), TITLE_PLACEHOLDERS, problems);
        placeholders(where + " note", sheet.note(), TITLE_PLACEHOLDERS, problems);
        if (roster) {
            if (blank(sheet.seriesRow())) {
                problems.add(where + "：缺少 series-row（各系列分类的标题行，如 “{series}（{count}人）”）");
            }
            placeholders(where + " series-row", sheet.seriesRow(), SERIES_ROW_PLACEHOLDERS, problems);
            if (sheet.instructions() == null || sheet.instructions().isEmpty()) {
                problems.add(where + "：缺少 instructions（填表说明）");
            }
        } else if (sheet.seriesRow() != null) {
            problems.add(where + "：series-row 只用于花名册");
        }
        if (sheet.columns() == null || sheet.columns().isEmpty()) {
            problems.add(where + "：没有任何列（columns）");
            return;
        }
        for (int i = 0; i < sheet.columns().size(); i++) {
            Column c = sheet.columns().get(i);
            String at = where + " 第" + (i + 1) + "列";
            if (c == null) {
                problems.add(at + "：内容为空");
                continue;
            }
            if (blank(c.header())) {
                problems.add(at + "：缺少 header（中文列名）");
            } else {
                at += "「" + c.header() + "」";
            }
            if (blank(c.field())) {
                problems.add(at + "：缺少 field");
            } else if (!fields.contains(c.field())) {
                problems.add(at + "：未知字段 “" + c.field() + "”（可用字段：" + String.join(", ", fields) + "）");
            }
            if (c.width() != null && (c.width() < 2 || c.width() > 100)) {
                problems.add(at + "：width 须为 2 到 100 之间的整数（字符数）");
            }
        }
    }

    private static void placeholders(String where, String text, Set<String> allowed, List<String> problems) {
        if (text == null) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                problems.add(where + "：未知的占位符 {" + m.group(1) + "}（可用：" + String.join("、",
                        allowed.stream().sorted().map(p -> "{" + p + "}").toList()) + "）");
            }
        }
    }

    /** The text with its placeholders filled. */
    static String fill(String text, java.util.Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
