package cn.chifeng.title.review;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import cn.chifeng.title.process.TitleApplicationProcess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonRepository;
import cn.chifeng.title.season.WorkingDayCalendar;

/**
 * The daily digest before the review close (SEA-3): on each of the last N working days up to a season's review
 * close, every member of a body with pending review tasks of that season gets one message listing them — one per
 * person per day, not one per task.
 */
@Service
public class ReviewDigest {
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final SeasonRepository seasons;
    private final WorkingDayCalendar calendar;
    private final NotificationOutbox outbox;
    private final OrganisationDirectory organisations;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int workingDaysBefore;

    ReviewDigest(TaskService tasks, RuntimeService runtime, IdentityService identity, SeasonRepository seasons,
                 WorkingDayCalendar calendar, NotificationOutbox outbox, OrganisationDirectory organisations,
                 JdbcTemplate jdbc, Clock clock, @Value("${title.reminders.working-days-before:5}") int workingDaysBefore) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.seasons = seasons;
        this.calendar = calendar;
        this.outbox = outbox;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.workingDaysBefore = workingDaysBefore;
    }

    /** @return the number of digests queued today */
    public int sendToday() {
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        if (!calendar.isWorkingDay(today).working()) {
            return 0;
        }
        // the seasons whose review close is within the last working days; one digest a day covers them all
        Map<Integer, LocalDate> closing = new TreeMap<>();
        for (Integer year : seasons.years()) {
            Season season = seasons.find(year).orElseThrow();
            if (today.isAfter(season.reviewClose())
                    || calendar.periodEnd(today, workingDaysBefore).end().isBefore(season.reviewClose())) {
                continue;
            }
            closing.put(year, season.reviewClose());
        }
        return closing.isEmpty() ? 0 : digest(closing, today);
    }

    private int digest(Map<Integer, LocalDate> closing, LocalDate today) {
        Map<String, List<String>> pendingByGroup = new TreeMap<>();
        Map<String, LocalDate> deadlineByGroup = new HashMap<>();
        for (Task t : tasks.createTaskQuery().processDefinitionKey(TitleApplicationProcess.KEY).active().list()) {
            if (!TitleApplicationProcess.STAGE_TASKS.containsValue(t.getTaskDefinitionKey())) {
                continue;
            }
            Map<String, Object> v = runtime.getVariables(t.getExecutionId(), List.of(Vars.SEASON, Vars.STAGE_GROUP,
                    Vars.APPLICATION_ID, Vars.APPLICANT_NAME));
            if (v.get(Vars.SEASON) instanceof Number n && closing.containsKey(n.intValue())) {
                String group = (String) v.get(Vars.STAGE_GROUP);
                pendingByGroup.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(v.get(Vars.APPLICATION_ID) + " " + v.get(Vars.APPLICANT_NAME) + "（" + t.getName() + "）");
                deadlineByGroup.merge(group, closing.get(n.intValue()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        // notices as work: a body's open 发布公示 (applications wait for its unit or roster notice)
        for (Task t : tasks.createTaskQuery().processDefinitionKey(cn.chifeng.title.process.NoticeWorkProcess.KEY)
                .active().list()) {
            Map<String, Object> v = runtime.getVariables(t.getExecutionId(), List.of(
                    cn.chifeng.title.process.NoticeWorkProcess.Vars.PUBLISHER_GROUP,
                    cn.chifeng.title.process.NoticeWorkProcess.Vars.KIND_LABEL,
                    cn.chifeng.title.process.NoticeWorkProcess.Vars.WAITING_COUNT));
            String group = (String) v.get(cn.chifeng.title.process.NoticeWorkProcess.Vars.PUBLISHER_GROUP);
            pendingByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add("发布公示："
                    + v.get(cn.chifeng.title.process.NoticeWorkProcess.Vars.KIND_LABEL) + "（"
                    + v.get(cn.chifeng.title.process.NoticeWorkProcess.Vars.WAITING_COUNT) + " 件申报等待公示）");
        }
        LocalDate earliest = closing.values().stream().min(LocalDate::compareTo).orElseThrow();
        int sent = 0;
        for (Map.Entry<String, List<String>> e : pendingByGroup.entrySet()) {
            for (User u : identity.createUserQuery().memberOfGroup(e.getKey()).list()) {
                if (alreadyToday(u.getId(), today)) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                values.put("userName", u.getFirstName() == null ? u.getId() : u.getFirstName());
                values.put("groupName", organisations.groupName(e.getKey()));
                values.put("count", Integer.toString(e.getValue().size()));
                values.put("deadline", deadlineByGroup.getOrDefault(e.getKey(), earliest).toString());
                values.put("items", "· " + String.join("\n· ", e.getValue()));
                outbox.enqueue("REVIEW_DIGEST", null, u.getId(), u.getEmail(), values);
                sent++;
            }
        }
        return sent;
    }

    private boolean alreadyToday(String user, LocalDate today) {
        Integer n = jdbc.queryForObject("select count(*) from notification where event = 'REVIEW_DIGEST' "
                + "and recipient_user = ? and created_at >= ?", Integer.class, user,
                today.atStartOfDay(Zones.CHINA).toOffsetDateTime());
        return n != null && n > 0;
    }
}
