package cn.chifeng.title.expert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.ApiException.CellError;
import cn.chifeng.title.common.ApiException.FieldError;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.season.SeasonService;

/**
 * The upkeep of a committee's pool (EVA-1): import of an expert list (all rows or none), changes of one expert, the
 * committee's specialties, and the season's clean-up filed with an HR department. Callers check access first.
 */
@Service
public class ExpertPoolService {
    /** The HR departments a clean-up is filed with (通知 五(一)1: 报相应人力资源社会保障部门备案). */
    static final Set<BodyKind> HR = Set.of(BodyKind.CITY_HR, BodyKind.REGION_HR, BodyKind.COUNTY_HR);
    /** The JSON field of a PATCH for each column of the file. */
    static final Map<String, String> FIELDS = fields();

    private final ExpertPool pool;
    private final OrganisationDirectory organisations;
    private final SeasonService seasons;
    private final Clock clock;
    private final int maxRows;

    ExpertPoolService(ExpertPool pool, OrganisationDirectory organisations, SeasonService seasons, Clock clock,
                      @Value("${title.experts.max-rows}") int maxRows) {
        this.pool = pool;
        this.organisations = organisations;
        this.seasons = seasons;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    private static Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ExpertSheet.NAME, "name");
        m.put(ExpertSheet.SPECIALTY, "specialty");
        m.put(ExpertSheet.LEVEL, "level");
        m.put(ExpertSheet.EMPLOYER, "employerName");
        m.put(ExpertSheet.EMPLOYER_CODE, "employerCode");
        m.put(ExpertSheet.PRIVATE, "privateEnterprise");
        m.put(ExpertSheet.INTERNAL, "internalUnitCode");
        m.put(ExpertSheet.SEASONS, "seasonsServed");
        m.put(ExpertSheet.ACCOUNT, "account");
        m.put(ExpertSheet.PHONE, "phone");
        return Map.copyOf(m);
    }

    /** What an import did: experts added, experts of the file already in the pool, and of those how many differed. */
    public record Counts(int inserted, int updated, int changed) {
    }

    /**
     * Imports an expert list: an expert already in the pool (same committee, name and credit code) is updated, the
     * others are added, experts not in the file are left alone. Seasons served are added to those recorded, never
     * removed (a correction is a PATCH). The 状态 column, when present, must match the pool: an expert leaves the pool
     * by a clean-up only. Any bad row refuses the whole file with every problem.
     */
    @Transactional
    public Counts importFile(String committee, byte[] content, String fileName) {
        ExpertSheet.Table table = ExpertSheet.read(content, fileName, maxRows);
        ExpertRows.Result result = ExpertRows.check(table, committee, seasons.today().getYear(),
                pool.specialties(committee));
        List<CellError> errors = new ArrayList<>(result.errors());
        List<Expert> all = pool.all(committee);
        List<Runnable> writes = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        int changed = 0;
        OffsetDateTime now = Zones.now(clock);
        Set<Long> matched = new HashSet<>();
        for (ExpertRows.Parsed p : result.rows()) {
            Expert e = p.expert();
            Expert existing = all.stream().filter(x -> x.name().equals(e.name())
                    && x.employerCode().equals(e.employerCode())).findFirst().orElse(null);
            boolean retired = existing != null && existing.retired();
            if (p.retired() != null && p.retired() != retired) {
                errors.add(new CellError(p.row(), ExpertSheet.STATUS, existing == null
                        ? "新增专家的状态只能是“在库”" : "状态与专家库不符（库中为“" + (retired ? "已退出" : "在库")
                        + "”）：专家退出专家库须通过年度清理"));
                continue;
            }
            if (e.account() != null) {
                all.stream().filter(x -> e.account().equals(x.account()) && (existing == null || x.id() != existing.id()))
                        .findFirst().ifPresent(holder -> errors.add(new CellError(p.row(), ExpertSheet.ACCOUNT,
                                "登录账号已由专家库中的" + holder.name() + "使用")));
            }
            if (existing == null) {
                inserted++;
                writes.add(() -> pool.insert(e.withRetired(false), now));
            } else {
                matched.add(existing.id());
                updated++;
                TreeSet<Integer> years = new TreeSet<>(existing.seasonsServed());
                years.addAll(e.seasonsServed());
                Expert next = e.withId(existing.id()).withSeasons(List.copyOf(years)).withRetired(retired);
                if (!next.equals(existing)) {
                    changed++;
                    writes.add(() -> pool.update(next, now));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidCells(errors.stream()
                    .sorted(java.util.Comparator.comparingInt(CellError::row)).toList());
        }
        writes.forEach(Runnable::run);
        return new Counts(inserted, updated, changed);
    }

    /**
     * Changes fields of one expert, checked as a row of the file; absent fields stay, a null clears an optional one
     * ({@code internalUnitCode}, {@code account}, {@code phone}). {@code seasonsServed} replaces the list.
     */
    @Transactional
    public Expert update(String committee, long id, Map<String, Object> changes) {
        Expert current = pool.find(id).filter(e -> e.committee().equals(committee))
                .orElseThrow(() -> ApiException.notFound("专家库中没有该专家"));
        if (changes == null || changes.isEmpty()) {
            throw ApiException.invalid("body", "请提交要修改的字段（JSON）");
        }
        Map<String, String> cells = new LinkedHashMap<>(ExpertSheet.cells(current));
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> columnOf = FIELDS.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        changes.forEach((field, value) -> {
            String column = columnOf.get(field);
            if (column == null) {
                errors.add(new FieldError(field, "retired".equals(field) ? "专家退出专家库须通过年度清理（pool-cleanups）"
                        : "不能修改的字段，可修改：" + String.join("、", columnOf.keySet().stream().sorted().toList())));
                return;
            }
            String text = cellText(field, value);
            if (text == null) {
                errors.add(new FieldError(field, switch (field) {
                    case "privateEnterprise" -> "须为 true 或 false";
                    case "seasonsServed" -> "须为年份（整数）的列表，如 [2023, 2024]";
                    default -> "须为文字";
                }));
            } else {
                cells.put(column, text);
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ExpertSheet.Line line = new ExpertSheet.Line(2, cells, false);
        ExpertRows.Result result = ExpertRows.check(new ExpertSheet.Table(ExpertSheet.HEADERS, 1, List.of(line)),
                committee, seasons.today().getYear(), pool.specialties(committee));
        result.errors().forEach(c -> errors.add(new FieldError(FIELDS.getOrDefault(c.column(), c.column()),
                c.reason())));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Expert next = result.rows().get(0).expert().withId(id).withRetired(current.retired());
        List<Expert> others = pool.all(committee).stream().filter(x -> x.id() != id).toList();
        if (others.stream().anyMatch(x -> x.name().equals(next.name()) && x.employerCode().equals(next.employerCode()))) {
            throw ApiException.invalid("name", "专家库中已有同名且统一社会信用代码相同的专家");
        }
        if (next.account() != null && others.stream().anyMatch(x -> next.account().equals(x.account()))) {
            throw ApiException.invalid("account", "登录账号已由专家库中的其他专家使用");
        }
        if (!next.equals(current)) {
            pool.update(next, Zones.now(clock));
        }
        return next;
    }

    /** A JSON value as the text of its cell, or null when it has the wrong type. */
    private static String cellText(String field, Object value) {
        if (value == null) {
            return "";
        }
        return switch (field) {
            case "privateEnterprise" -> value instanceof Boolean b ? (b ? "是" : "否") : null;
            case "seasonsServed" -> value instanceof List<?> l && l.stream().allMatch(Integer.class::isInstance)
                    ? l.stream().map(String::valueOf).collect(Collectors.joining("、")) : null;
            default -> value instanceof String s ? s : null;
        };
    }

    /** Replaces the specialties the committee covers (EVA-4); each a text of at most 60 characters, no repeats. */
    @Transactional
    public List<String> replaceSpecialties(String committee, List<String> specialties) {
        if (specialties == null) {
            throw ApiException.invalid("body", "请提交评审专业的列表（JSON 数组）");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < specialties.size(); i++) {
            String s = specialties.get(i);
            String problem = Texts.problem(s, "评审专业", 60, true);
            if (problem == null && !seen.add(s.trim())) {
                problem = "评审专业重复";
            }
            if (problem != null) {
                errors.add(new FieldError("[" + i + "]", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<String> distinct = specialties.stream().map(String::trim).toList();
        Set<String> kept = new HashSet<>(distinct);
        List<String> orphaned = pool.active(committee).stream().map(Expert::specialty).filter(s -> !kept.contains(s))
                .distinct().sorted().toList();
        if (!distinct.isEmpty() && !orphaned.isEmpty()) {
            throw ApiException.invalid("body", "专家库中仍有以下专业的在库专家，不能移除：" + String.join("、", orphaned));
        }
        pool.replaceSpecialties(committee, distinct);
        return pool.specialties(committee);
    }

    /** A season's clean-up (EVA-1): retires the experts listed and records it, filed with an HR department. */
    @Transactional
    public ExpertPool.PoolCleanup cleanUp(String committee, Integer season, List<Long> retire, String filedWith,
                                          String note, String user) {
        List<FieldError> errors = new ArrayList<>();
        if (season == null || seasons.find(season).isEmpty()) {
            errors.add(new FieldError("season", "评审年度未配置"));
        }
        if (filedWith == null || organisations.body(filedWith).filter(b -> HR.contains(b.kind())).isEmpty()) {
            errors.add(new FieldError("filedWith", "须为备案的人力资源和社会保障部门（市、自治区或旗县区人社部门）的机构代码"));
        }
        String noteProblem = Texts.problem(note, "说明", 2000, false);
        if (noteProblem != null) {
            errors.add(new FieldError("note", noteProblem));
        }
        List<Long> ids = retire == null ? List.of() : retire;
        Map<Long, Expert> experts = pool.all(committee).stream()
                .collect(Collectors.toMap(Expert::id, e -> e));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            Expert e = id == null ? null : experts.get(id);
            if (e == null) {
                errors.add(new FieldError("retire[" + i + "]", "专家库中没有该专家"));
            } else if (e.retired()) {
                errors.add(new FieldError("retire[" + i + "]", e.name() + "已退出专家库"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError("retire[" + i + "]", "专家重复"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime now = Zones.now(clock);
        OffsetDateTime since = pool.cleanups(committee).stream().map(ExpertPool.PoolCleanup::cleanedAt)
                .filter(Objects::nonNull).max(OffsetDateTime::compareTo).orElse(null);
        int updatedCount = pool.changedSince(committee, since, ids);
        String trimmedNote = note == null || note.isBlank() ? null : note.trim();
        ExpertPool.PoolCleanup draft = new ExpertPool.PoolCleanup(0, committee, season, ids.size(), updatedCount,
                filedWith, trimmedNote, user, now);
        long id = pool.recordCleanup(draft);
        ids.forEach(expertId -> pool.retire(expertId, id, now));
        return new ExpertPool.PoolCleanup(id, committee, season, ids.size(), updatedCount, filedWith, trimmedNote, user,
                now);
    }
}
