package cn.chifeng.title.committee;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.Roles;

/**
 * {@code /api/evaluation-sessions}: the committee office files a plan and follows its session; the approving
 * department and supervisors read it; experts see their pseudonymous list, record opinions and vote — the vote by
 * this API only, never through an engine task (EVA-7).
 */
@RestController
class SessionController {
    private final SessionService plans;
    private final Sessions sessions;
    private final SessionExperts experts;
    private final SessionVote vote;
    private final SessionResults results;
    private final BlindReview blind;
    private final Ballots ballots;
    private final PoolCandidates pool;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final OrganisationDirectory organisations;
    private final CurrentUser currentUser;

    SessionController(SessionService plans, Sessions sessions, SessionExperts experts, SessionVote vote,
                      SessionResults results, BlindReview blind, Ballots ballots, PoolCandidates pool,
                      ApplicationRepository applications, Dossiers dossiers, OrganisationDirectory organisations,
                      CurrentUser currentUser) {
        this.plans = plans;
        this.sessions = sessions;
        this.experts = experts;
        this.vote = vote;
        this.results = results;
        this.blind = blind;
        this.ballots = ballots;
        this.pool = pool;
        this.applications = applications;
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/evaluation-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> file(@RequestBody(required = false) SessionService.Plan plan) {
        return view(plans.file(plan));
    }

    @GetMapping("/api/evaluation-sessions")
    List<Map<String, Object>> list() {
        requireStaffReader();
        boolean all = currentUser.isAdmin() || currentUser.inGroup(Roles.SUPERVISORS);
        return sessions.ofCommittees(currentUser.groups(), all).stream().map(this::summary).toList();
    }

    @GetMapping("/api/evaluation-sessions/{id}")
    Map<String, Object> get(@PathVariable("id") String id) {
        return view(readable(id));
    }

    /** PUT …/plan: the office revises a returned plan, then completes its task to file it again. */
    @PutMapping("/api/evaluation-sessions/{id}/plan")
    Map<String, Object> revise(@PathVariable("id") String id, @RequestBody(required = false) Revision r) {
        if (r == null) {
            throw ApiException.invalid("body", "请提交修改后的评审方案（JSON）");
        }
        return view(plans.revise(id, r.meetingDate(), r.place(), r.procedure(), r.measures()));
    }

    /** A revised plan. */
    record Revision(LocalDate meetingDate, String place, String procedure, String measures) {
    }

    /** The draws of a session with what replays them (EVA-2): office, supervisors, administrators. */
    @GetMapping("/api/evaluation-sessions/{id}/draws")
    List<Map<String, Object>> draws(@PathVariable("id") String id) {
        Sessions.Session s = officeOrSupervisor(id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Sessions.Draw d : sessions.draws(s.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", d.seq());
            m.put("generator", d.generator());
            m.put("seed", d.seed());
            m.put("poolHash", d.poolHash());
            m.put("poolSize", d.poolSize());
            m.put("reason", d.reason());
            m.put("drawnBy", d.drawnBy());
            m.put("drawnAt", d.drawnAt().toString());
            experts.replay(s.id(), d.seq()).ifPresent(r -> {
                m.put("poolUnchanged", r.poolHash().equals(d.poolHash()));
                m.put("replayedMembers", r.members().stream().map(ExpertDraw.Candidate::id).toList());
                m.put("replayedReserve", r.reserve().stream().map(ExpertDraw.Candidate::id).toList());
            });
            out.add(m);
        }
        return out;
    }

    @GetMapping("/api/evaluation-sessions/{id}/blind")
    List<Map<String, Object>> blindList(@PathVariable("id") String id) {
        return blind.listFor(id, currentUser.id());
    }

    @GetMapping("/api/evaluation-sessions/{id}/blind/{pseudonym}/materials/{materialId}")
    ResponseEntity<byte[]> blindCopy(@PathVariable("id") String id, @PathVariable("pseudonym") String pseudonym,
                                     @PathVariable("materialId") long materialId) {
        BlindReview.Download d = blind.copy(id, pseudonym, materialId, currentUser.id());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    @PutMapping("/api/evaluation-sessions/{id}/opinions/{pseudonym}")
    Map<String, Object> opinion(@PathVariable("id") String id, @PathVariable("pseudonym") String pseudonym,
                                @RequestBody(required = false) Map<String, String> body) {
        blind.putOpinion(id, pseudonym, body == null ? null : body.get("opinion"), currentUser.id());
        return Map.of("pseudonym", pseudonym, "saved", true);
    }

    @PostMapping("/api/evaluation-sessions/{id}/ballots")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> ballot(@PathVariable("id") String id, @RequestBody(required = false) Map<String, String> body) {
        if (body == null) {
            throw ApiException.invalid("body", "请提交表决意见（JSON）");
        }
        vote.cast(id, body.get("pseudonym"), body.get("choice"), currentUser.id());
        return Map.of("pseudonym", body.get("pseudonym"), "recorded", true);
    }

    @PostMapping("/api/evaluation-sessions/{id}/postponement")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> postpone(@PathVariable("id") String id, @RequestBody(required = false) Postponement p) {
        if (p == null) {
            throw ApiException.invalid("body", "请提交延期评审备案（JSON）");
        }
        long pid = results.filePostponement(id, p.reason(), p.until());
        return Map.of("id", pid, "status", "FILED", "until", p.until().toString());
    }

    /** A written postponement. */
    record Postponement(String reason, LocalDate until) {
    }

    /**
     * The passed applicants of a confirmed session, for the upload to 内蒙古人才信息库 (PUB-3), as .xlsx with the
     * columns documented in docs/evaluation-sessions.md.
     */
    @GetMapping("/api/evaluation-sessions/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable("id") String id) {
        Sessions.Session s = sessions.find(id).orElseThrow(() -> ApiException.notFound("评审会议 " + id + " 不存在"));
        if (!currentUser.isAdmin() && !currentUser.inGroup(s.committee()) && !currentUser.inGroup(s.approverGroup())
                && !currentUser.inGroup(s.confirmerGroup())) {
            throw ApiException.forbidden("只有评委会办事机构和审批部门可以导出评审通过人员");
        }
        if (s.status() != SessionStatus.CONFIRMED) {
            throw ApiException.conflict("NOT_CONFIRMED", "评审结果确认后才能导出上传数据（当前：" + s.status().label() + "）");
        }
        byte[] bytes = workbook(s);
        String name = "评审通过人员-" + id + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(bytes);
    }

    static final List<String> EXPORT_COLUMNS = List.of("姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职称系列",
            "评审专业", "职称层级", "评委会", "评审年度", "评审会议日期", "表决排序", "申报编号");

    private byte[] workbook(Sessions.Session s) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("评审通过人员");
            Row header = sheet.createRow(0);
            for (int i = 0; i < EXPORT_COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(EXPORT_COLUMNS.get(i));
            }
            int r = 1;
            for (Sessions.Item item : sessions.items(s.id())) {
                if (!"PASSED".equals(item.outcome())) {
                    continue;
                }
                ApplicationRecord a = applications.find(item.applicationId()).orElseThrow();
                Dossier d = dossiers.parse(a.dossierJson());
                Row row = sheet.createRow(r++);
                String[] values = {a.applicantName(), a.idNumber(), a.employerName(), a.employerCode(),
                        Series.valueOf(a.series()).label(), d.specialty(), Level.valueOf(a.targetLevel()).label(),
                        organisations.groupName(s.committee()), String.valueOf(s.season()),
                        s.meetingDate().toString(), String.valueOf(item.voteRank()), a.id()};
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireStaffReader() {
        if (currentUser.isApplicant()) {
            throw ApiException.forbidden("申报人不能查看评审会议");
        }
    }

    private Sessions.Session readable(String id) {
        return plans.readable(id);
    }

    private Sessions.Session officeOrSupervisor(String id) {
        Sessions.Session s = sessions.find(id).orElseThrow(() -> ApiException.notFound("评审会议 " + id + " 不存在"));
        if (!currentUser.isAdmin() && !currentUser.inGroup(s.committee()) && !currentUser.inGroup(Roles.SUPERVISORS)) {
            throw ApiException.forbidden("只有评委会办事机构和纪检监督人员可以查看抽取记录");
        }
        return s;
    }

    private Map<String, Object> summary(Sessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("committee", s.committee());
        m.put("committeeName", organisations.groupName(s.committee()));
        m.put("season", s.season());
        m.put("series", s.series());
        m.put("targetLevel", s.targetLevel());
        m.put("specialty", s.specialty());
        m.put("meetingDate", s.meetingDate().toString());
        m.put("status", s.status().name());
        m.put("statusLabel", s.status().label());
        return m;
    }

    private Map<String, Object> view(Sessions.Session s) {
        Map<String, Object> m = summary(s);
        m.put("evaluationGroup", s.evaluationGroup());
        m.put("place", s.place());
        m.put("procedure", s.procedure());
        m.put("measures", s.measures());
        m.put("committeeSize", s.committeeSize());
        m.put("reserveSize", s.reserveSize());
        m.put("selfEvaluatingUnit", s.selfEvaluatingUnit());
        m.put("approverGroup", s.approverGroup());
        m.put("confirmerGroup", s.confirmerGroup());
        m.put("returnReason", s.returnReason());
        boolean closed = s.status().ordinal() >= SessionStatus.CLOSED.ordinal()
                && s.status() != SessionStatus.CANCELLED;
        Map<String, Ballots.Tally> tallies = closed ? ballots.tallies(s.id()) : Map.of();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Sessions.Item item : sessions.items(s.id())) {
            ApplicationRecord a = applications.find(item.applicationId()).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicationId", a.id());
            row.put("applicantName", a.applicantName());
            row.put("employerName", a.employerName());
            row.put("pseudonym", item.pseudonym());
            if (closed) {
                Ballots.Tally t = tallies.get(item.pseudonym());
                row.put("inFavour", t == null ? 0 : t.inFavour());
                row.put("against", t == null ? 0 : t.against());
                row.put("abstain", t == null ? 0 : t.abstain());
                row.put("outcome", item.outcome());
                row.put("rank", item.voteRank());
            }
            items.add(row);
        }
        m.put("applications", items);
        // the drawn experts' names: the office (and supervisors, administrators) only, until the session closes
        boolean seesExperts = currentUser.isAdmin() || currentUser.inGroup(s.committee())
                || currentUser.inGroup(Roles.SUPERVISORS) || closed;
        if (seesExperts) {
            List<Map<String, Object>> seats = new ArrayList<>();
            for (Sessions.Seat seat : sessions.seats(s.id())) {
                PoolCandidates.PoolExpert e = pool.find(seat.expertId()).orElseThrow();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("expertId", seat.expertId());
                row.put("name", e.name());
                row.put("employerName", e.employerName());
                row.put("role", seat.role());
                row.put("status", seat.status());
                row.put("attended", seat.attended());
                seats.add(row);
            }
            m.put("experts", seats);
        }
        return m;
    }
}
