package cn.chifeng.title.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * What the public reads of the notices (REV-1, REV-3, PUB-1), without a login: those that have started, the current
 * ones and the past ones for {@code title.publicity.board-retention-days}; of each application only what a notice
 * publishes — name, employer, series, specialty, level — never the ID number, phone, address or e-mail, and nothing
 * of the objections.
 */
@Service
public class NoticeBoard {
    private static final Map<String, String> KINDS = Map.of(
            "UNIT_NOMINEES", "单位推荐人选公示",
            "ROSTER", "申报人员花名册公示",
            PublicityService.RESULTS, "评审结果公示");
    /** More notices than a board page should show at once; the oldest beyond it drop off. */
    private static final int MOST = 300;

    private final Publications publications;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final OrganisationDirectory organisations;
    private final Clock clock;
    private final int retentionDays;

    NoticeBoard(Publications publications, ApplicationRepository applications, Dossiers dossiers,
                OrganisationDirectory organisations, Clock clock,
                @Value("${title.publicity.board-retention-days:365}") int retentionDays) {
        this.publications = publications;
        this.applications = applications;
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** A notice as the board shows it; {@code open}: in its period, objections are taken. */
    public record Notice(String id, String kind, String kindLabel, String title, String publisher, LocalDate start,
                         LocalDate end, int workingDays, boolean open) {
        public String statusLabel() {
            return open ? "公示中" : "已结束";
        }
    }

    /** One published application: its row number on the notice and the published fields only. */
    public record Entry(int number, String name, String employer, String series, String specialty, String level) {
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** The notices on the board, newest first. */
    public List<Notice> notices() {
        LocalDate today = today();
        return publications.startedAndEndingSince(today, today.minusDays(retentionDays), MOST).stream()
                .map(p -> notice(p, today)).toList();
    }

    /** A notice on the board; none if it has not started, has left the board or does not exist. */
    public Optional<Notice> notice(String id) {
        LocalDate today = today();
        return publications.find(id).filter(p -> onBoard(p, today)).map(p -> notice(p, today));
    }

    /**
     * The notices an application is in, oldest first, for its own page: those on the board link to it; one scheduled
     * to start says so; one over says whether it let the application go on. Nothing about objections.
     */
    public List<Appearance> appearancesOf(String applicationId) {
        LocalDate today = today();
        return publications.listing(applicationId).stream().map(l -> {
            Publications.Publication p = l.publication();
            Notice n = notice(p, today);
            String state = today.isBefore(p.startDate()) ? "未开始"
                    : n.open() ? "公示中" : l.cleared() ? "公示结束，已通过" : "公示期已满";
            return new Appearance(n, onBoard(p, today), state);
        }).toList();
    }

    /** A notice an application is in: {@code onBoard} whether the public board shows it now. */
    public record Appearance(Notice notice, boolean onBoard, String state) {
    }

    /** The published rows of a notice on the board, in the order of {@link #applicationOf}. */
    public List<Entry> entries(String id) {
        if (notice(id).isEmpty()) {
            return List.of();
        }
        List<Entry> rows = new ArrayList<>();
        int n = 0;
        for (String applicationId : publications.applications(id)) {
            n++;
            ApplicationRecord a = applications.find(applicationId).orElseThrow();
            Dossier d = dossiers.parse(a.dossierJson());
            rows.add(new Entry(n, a.applicantName(), a.employerName(), Series.valueOf(a.series()).label(),
                    d.specialty(), Level.valueOf(a.targetLevel()).label()));
        }
        return rows;
    }

    /** The application of row {@code number} of a notice on the board, for an objection to it. */
    public Optional<String> applicationOf(String id, int number) {
        if (notice(id).isEmpty() || number < 1) {
            return Optional.empty();
        }
        List<String> ids = publications.applications(id);
        return number <= ids.size() ? Optional.of(ids.get(number - 1)) : Optional.empty();
    }

    private boolean onBoard(Publications.Publication p, LocalDate today) {
        return !p.startDate().isAfter(today) && !p.endDate().isBefore(today.minusDays(retentionDays));
    }

    private Notice notice(Publications.Publication p, LocalDate today) {
        boolean open = !p.ended() && !today.isBefore(p.startDate()) && !today.isAfter(p.endDate());
        return new Notice(p.id(), p.kind(), KINDS.getOrDefault(p.kind(), "公示"), p.title(),
                organisations.groupName(p.publisherGroup()), p.startDate(), p.endDate(), p.workingDays(), open);
    }

    private LocalDate today() {
        return Zones.now(clock).toLocalDate();
    }
}
