package cn.chifeng.title.expert;

import static cn.chifeng.title.expert.ExpertSheet.ACCOUNT;
import static cn.chifeng.title.expert.ExpertSheet.EMPLOYER;
import static cn.chifeng.title.expert.ExpertSheet.EMPLOYER_CODE;
import static cn.chifeng.title.expert.ExpertSheet.INTERNAL;
import static cn.chifeng.title.expert.ExpertSheet.LEVEL;
import static cn.chifeng.title.expert.ExpertSheet.NAME;
import static cn.chifeng.title.expert.ExpertSheet.PHONE;
import static cn.chifeng.title.expert.ExpertSheet.PRIVATE;
import static cn.chifeng.title.expert.ExpertSheet.SEASONS;
import static cn.chifeng.title.expert.ExpertSheet.SPECIALTY;
import static cn.chifeng.title.expert.ExpertSheet.STATUS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.chifeng.title.application.CreditCode;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.common.ApiException.CellError;
import cn.chifeng.title.common.Texts;

/**
 * Checks every row of an expert list and turns the good ones into experts; every problem is kept (row, column,
 * Chinese reason) so that the office can correct the whole file at once. Plain Java: no database, no clock.
 */
final class ExpertRows {
    /** The levels an expert may hold: 中级 and above (a committee evaluates at most up to its members' level). */
    static final List<Level> LEVELS = List.of(Level.SENIOR, Level.ASSOCIATE_SENIOR, Level.INTERMEDIATE);
    static final Pattern ACCOUNT_PATTERN = Pattern.compile("[a-z0-9-]{3,64}");
    /** A mobile number, or a landline with area code (0476-8888888), optionally with an extension. */
    static final Pattern PHONE_PATTERN = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
    private static final Pattern YEAR_SEPARATORS = Pattern.compile("[、,，;；\\s]+");
    private static final int FIRST_YEAR = 1990;

    private ExpertRows() {
    }

    /** A good row: the expert it describes (id 0) and the state its 状态 cell names (null: no such cell). */
    record Parsed(int row, Expert expert, Boolean retired) {
    }

    /** The good rows and every problem of the file. */
    record Result(List<Parsed> rows, List<CellError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks the headers and every row. {@code thisYear}: no later season may be listed as served;
     * {@code specialties}: the committee's specialties — when not empty, an expert's specialty must be one of them.
     */
    static Result check(ExpertSheet.Table table, String committee, int thisYear, Collection<String> specialties) {
        List<CellError> errors = new ArrayList<>(headerErrors(table.headers(), table.headerRow()));
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        List<Parsed> rows = new ArrayList<>();
        Map<String, Integer> people = new HashMap<>();
        Map<String, Integer> accounts = new HashMap<>();
        for (ExpertSheet.Line line : table.lines()) {
            List<CellError> own = new ArrayList<>();
            Parsed p = row(line, committee, thisYear, specialties, own);
            if (p != null) {
                Integer first = people.putIfAbsent(p.expert().name() + "\u0000" + p.expert().employerCode(), line.row());
                if (first != null) {
                    own.add(new CellError(line.row(), NAME, "与第 " + first + " 行是同一专家（姓名和统一社会信用代码相同）"));
                }
                if (p.expert().account() != null) {
                    Integer holder = accounts.putIfAbsent(p.expert().account(), line.row());
                    if (holder != null) {
                        own.add(new CellError(line.row(), ACCOUNT, "登录账号与第 " + holder + " 行重复"));
                    }
                }
            }
            if (own.isEmpty()) {
                rows.add(p);
            }
            errors.addAll(own);
        }
        return new Result(rows, errors);
    }

    static List<CellError> headerErrors(List<String> headers, int headerRow) {
        List<CellError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < headers.size(); c++) {
            String h = headers.get(c);
            if (h.isEmpty()) {
                errors.add(new CellError(headerRow, "第" + (c + 1) + "列", "表头为空：每一列都须有表头"));
            } else if (!ExpertSheet.HEADERS.contains(h)) {
                errors.add(new CellError(headerRow, h, "未知的表头，可用的表头：" + String.join("、", ExpertSheet.HEADERS)));
            } else if (!seen.add(h)) {
                errors.add(new CellError(headerRow, h, "表头重复"));
            }
        }
        for (String required : ExpertSheet.REQUIRED) {
            if (!headers.contains(required)) {
                errors.add(new CellError(headerRow, required, "缺少必需的列"));
            }
        }
        return errors;
    }

    private static Parsed row(ExpertSheet.Line line, String committee, int thisYear, Collection<String> specialties,
                              List<CellError> errors) {
        int row = line.row();
        String name = text(line, NAME, 60, true, errors);
        String specialty = text(line, SPECIALTY, 60, true, errors);
        if (specialty != null && !specialties.isEmpty() && !specialties.contains(specialty)) {
            errors.add(new CellError(row, SPECIALTY, "不是本评委会的评审专业（可选：" + String.join("、", specialties) + "）"));
        }
        Level level = level(line.get(LEVEL));
        if (level == null) {
            errors.add(new CellError(row, LEVEL, line.get(LEVEL).isEmpty() ? "必须填写层级"
                    : "层级须为正高级、副高级或中级（评审专家须具有中级及以上职称）"));
        }
        String employer = text(line, EMPLOYER, 200, true, errors);
        String code = creditCode(line, EMPLOYER_CODE, true, errors);
        Boolean isPrivate = switch (line.get(PRIVATE)) {
            case "是" -> true;
            case "否" -> false;
            default -> null;
        };
        if (isPrivate == null) {
            errors.add(new CellError(row, PRIVATE, "须填写“是”或“否”"));
        }
        String internal = creditCode(line, INTERNAL, false, errors);
        List<Integer> seasons = seasons(line, thisYear, errors);
        String account = line.get(ACCOUNT).isEmpty() ? null : line.get(ACCOUNT);
        if (account != null && !ACCOUNT_PATTERN.matcher(account).matches()) {
            errors.add(new CellError(row, ACCOUNT, "登录账号须为3至64位小写字母、数字或连字符 -（与任务列表的登录名规则一致）"));
        }
        String phone = line.get(PHONE).isEmpty() ? null : line.get(PHONE);
        if (phone != null && !PHONE_PATTERN.matcher(phone).matches()) {
            errors.add(new CellError(row, PHONE, "联系电话须为11位手机号或带区号的固定电话（如 0476-8888888）"));
        }
        Boolean retired = switch (line.get(STATUS)) {
            case "" -> null;
            case ExpertSheet.ACTIVE -> false;
            case ExpertSheet.RETIRED -> true;
            default -> {
                errors.add(new CellError(row, STATUS, "状态须为“在库”或“已退出”，或不填"));
                yield null;
            }
        };
        if (line.beyondHeaders()) {
            errors.add(new CellError(row, "（无表头的列）", "表头右侧没有表头的列中有内容"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Parsed(row, new Expert(0, committee, name, specialty, level, employer, code, isPrivate, internal,
                seasons, account, phone, retired != null && retired), retired);
    }

    private static String text(ExpertSheet.Line line, String column, int max, boolean required,
                               List<CellError> errors) {
        String v = line.get(column);
        String problem = Texts.problem(v, column, max, required);
        if (problem == null && !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            // a cell starting so is a formula when the export is opened in a spreadsheet
            problem = column + "不能以 =、+、-、@ 开头";
        }
        if (problem != null) {
            errors.add(new CellError(line.row(), column, problem));
            return null;
        }
        return v.isEmpty() ? null : v;
    }

    private static String creditCode(ExpertSheet.Line line, String column, boolean required, List<CellError> errors) {
        String v = line.get(column).toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            if (required) {
                errors.add(new CellError(line.row(), column, "必须填写" + column));
            }
            return null;
        }
        String problem = CreditCode.problem(v);
        if (problem != null) {
            errors.add(new CellError(line.row(), column, problem));
            return null;
        }
        return v;
    }

    private static List<Integer> seasons(ExpertSheet.Line line, int thisYear, List<CellError> errors) {
        String v = line.get(SEASONS);
        if (v.isEmpty()) {
            return List.of();
        }
        List<Integer> years = new ArrayList<>();
        for (String part : YEAR_SEPARATORS.split(v)) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("\\d{4}")) {
                errors.add(new CellError(line.row(), SEASONS, "“" + part + "”不是年份：年度写作四位数字，以顿号、逗号或空格分隔，如 2023、2024"));
                return List.of();
            }
            int year = Integer.parseInt(part);
            if (year < FIRST_YEAR || year > thisYear) {
                errors.add(new CellError(line.row(), SEASONS, "年度 " + year + " 不在 " + FIRST_YEAR + " 至 " + thisYear + " 之间"));
                return List.of();
            }
            years.add(year);
        }
        return years.stream().distinct().sorted().toList();
    }

    /** 正高级/副高级/中级, or the code (SENIOR…) as the API names it. */
    static Level level(String v) {
        return LEVELS.stream().filter(l -> l.label().equals(v) || l.name().equals(v)).findFirst().orElse(null);
    }
}
