package cn.chifeng.title.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.chifeng.title.notification.NotificationOutbox;

/**
 * The demo's mailbox ({@code /portal/demo-mailbox}): where no SMTP server is set, the messages that would have been
 * e-mailed — confirmation and reset links among them — for everybody to read. Exists in the demo profile only and
 * shows nothing once a mail server is configured.
 */
@Controller
@ConditionalOnProperty(name = "title.demo.enabled", havingValue = "true")
class DemoMailboxPage {
    private final NotificationOutbox outbox;
    private final boolean mailServer;

    DemoMailboxPage(NotificationOutbox outbox, @Value("${spring.mail.host:}") String mailHost) {
        this.outbox = outbox;
        this.mailServer = !mailHost.isBlank();
    }

    @GetMapping("/portal/demo-mailbox")
    String mailbox(Model model) {
        model.addAttribute("mailServer", mailServer);
        model.addAttribute("messages", mailServer ? java.util.List.of() : outbox.latest(30).stream()
                .map(m -> new Mail(m, link(m.body()))).toList());
        return "portal/demo-mailbox";
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+?(/portal/\\S+)");

    /** The portal link of a message, as a path of this server (the demo's base URL may not be the browser's). */
    static String link(String body) {
        var m = LINK.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    record Mail(cn.chifeng.title.notification.Notification message, String link) {
    }
}
