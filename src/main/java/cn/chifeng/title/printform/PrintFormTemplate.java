package cn.chifeng.title.printform;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chifeng.title.common.PolicyFiles;

/**
 * The layout of the printed forms as policy staff write it in {@code print-forms.yaml}: per form a title, an optional
 * note and sections, each either rows (label → field of the application) or a table (serviceHistory, reviewTrail)
 * with its columns. Read once at start-up; every problem (an unknown field, table or key, a missing label, a missing
 * form) is reported at once, naming where it is, and the application does not start.
 */
final class PrintFormTemplate {

    /** The file: {@code forms:} by key. */
    record File(Map<String, Form> forms) {
    }

    record Form(String title, String note, List<Section> sections) {
    }

    /** Rows ({@code rows}) or, with {@code table}, the table's {@code columns}. */
    record Section(String heading, String table, List<Item> rows, List<Item> columns) {
        boolean isTable() {
            return table != null;
        }
    }

    /** A row or column: the printed label and the field it shows; {@code blind} prints it masked or not at all. */
    record Item(String label, String field, boolean blind) {
    }

    private final Map<PrintForm, Form> forms;

    private PrintFormTemplate(Map<PrintForm, Form> forms) {
        this.forms = forms;
    }

    Form form(PrintForm form) {
        return forms.get(form);
    }

    /** Reads and checks a template; {@code source} names it in the messages. */
    static PrintFormTemplate read(InputStream in, String source) {
        File file = PolicyFiles.read(in, File.class, source);
        List<String> problems = new ArrayList<>();
        Map<PrintForm, Form> forms = new EnumMap<>(PrintForm.class);
        if (file == null || file.forms() == null) {
            problems.add("缺少 forms:（应有 " + keys() + "）");
        } else {
            file.forms().forEach((key, form) -> PrintForm.ofKey(key).ifPresentOrElse(f -> {
                forms.put(f, form);
                check(key, form, problems);
            }, () -> problems.add("未知的表格 “" + key + "”（应为 " + keys() + "）")));
            for (PrintForm f : PrintForm.values()) {
                if (!file.forms().containsKey(f.key())) {
                    problems.add("缺少表格 “" + f.key() + "”");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("打印表格版式 " + source + " 有误，应用未启动：\n- " + String.join("\n- ", problems));
        }
        return new PrintFormTemplate(forms);
    }

    private static void check(String key, Form form, List<String> problems) {
        if (form == null) {
            problems.add(key + "：内容为空");
            return;
        }
        String where = key + (blank(form.title()) ? "" : "（" + form.title() + "）");
        if (blank(form.title())) {
            problems.add(where + "：缺少 title（表名）");
        }
        if (form.sections() == null || form.sections().isEmpty()) {
            problems.add(where + "：缺少 sections（栏目）");
            return;
        }
        for (int i = 0; i < form.sections().size(); i++) {
            Section s = form.sections().get(i);
            String at = where + " 第" + (i + 1) + "栏" + (s == null || blank(s.heading()) ? "" : "「" + s.heading() + "」");
            if (s == null) {
                problems.add(at + "：内容为空");
                continue;
            }
            if (blank(s.heading())) {
                problems.add(at + "：缺少 heading（栏目名称）");
            }
            if (s.isTable()) {
                Set<String> columns = PrintFields.TABLES.get(s.table());
                if (columns == null) {
                    problems.add(at + "：未知的表 table: " + s.table() + "（可用：" + String.join("、",
                            PrintFields.TABLES.keySet().stream().sorted().toList()) + "）");
                    continue;
                }
                if (s.rows() != null) {
                    problems.add(at + "：表 " + s.table() + " 用 columns 列出各列，不用 rows");
                }
                items(at, "列", s.columns(), columns, false, problems);
            } else {
                if (s.columns() != null) {
                    problems.add(at + "：columns 只用于表（table: " + String.join(" 或 ", PrintFields.TABLES.keySet()
                            .stream().sorted().toList()) + "）");
                }
                items(at, "行", s.rows(), PrintFields.APPLICATION.keySet(), true, problems);
            }
        }
    }

    private static void items(String at, String kind, List<Item> items, Set<String> fields, boolean mayBeBlind,
                              List<String> problems) {
        if (items == null || items.isEmpty()) {
            problems.add(at + "：没有任何" + kind + "（" + (kind.equals("行") ? "rows" : "columns") + "）");
            return;
        }
        for (int j = 0; j < items.size(); j++) {
            Item item = items.get(j);
            String it = at + " 第" + (j + 1) + kind;
            if (item == null) {
                problems.add(it + "：内容为空");
                continue;
            }
            if (blank(item.label())) {
                problems.add(it + "：缺少 label（中文标签）");
            } else {
                it += "「" + item.label() + "」";
            }
            if (blank(item.field())) {
                problems.add(it + "：缺少 field");
            } else if (!fields.contains(item.field())) {
                problems.add(it + "：未知字段 “" + item.field() + "”（可用字段：" + String.join(", ", fields) + "）");
            }
            if (item.blind() && !mayBeBlind) {
                problems.add(it + "：blind 只用于 rows");
            }
        }
    }

    private static String keys() {
        return String.join(" 和 ", java.util.Arrays.stream(PrintForm.values()).map(PrintForm::key).toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
