package cn.chifeng.title.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.application.ApplicationService;

/** {@code GET /api/applications/{id}/notifications}: the in-app list of an application's messages. */
@RestController
class NotificationController {
    private final ApplicationService applications;
    private final NotificationOutbox outbox;

    NotificationController(ApplicationService applications, NotificationOutbox outbox) {
        this.applications = applications;
        this.outbox = outbox;
    }

    @GetMapping("/api/applications/{id}/notifications")
    List<Notification> list(@PathVariable String id) {
        applications.read(id);
        return outbox.ofApplication(id);
    }
}
