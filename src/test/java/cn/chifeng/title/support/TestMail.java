package cn.chifeng.title.support;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;

import jakarta.mail.internet.MimeMessage;

/**
 * The tests' mail: runs the outbox's sending jobs (the tests have no job executor) and reads what reached the real
 * SMTP server (GreenMail) of {@link IntegrationTestBase}.
 */
public final class TestMail {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+(/portal/\\S+)");

    private TestMail() {
    }

    /** Sends what the outbox holds: executes every due message job that belongs to no process instance. */
    public static void deliver(ManagementService management) {
        management.createJobQuery().messages().list().stream().filter(j -> j.getProcessInstanceId() == null)
                .forEach(j -> management.executeJob(j.getId()));
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(IntegrationTestBase.SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The portal path of the link in the last message to the address (e.g. /portal/confirm/…). */
    public static String lastLink(String address) {
        List<MimeMessage> mails = to(address);
        if (mails.isEmpty()) {
            throw new AssertionError("no mail to " + address);
        }
        try {
            String body = mails.get(mails.size() - 1).getContent().toString();
            Matcher m = LINK.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no portal link in: " + body);
            }
            return m.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A valid 18-digit 身份证号 born on the given day (yyyyMMdd), with a fresh sequence number. */
    /** Every number drawn in this JVM differs from the others (random ones met: a registration found it taken). */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));

    public static String idNumber(String born) {
        String seq = String.format("%03d", Math.floorMod(NEXT.getAndIncrement(), 1000));
        String first17 = "150402" + born + seq;
        return first17 + cn.chifeng.title.application.ResidentIdNumber.checkCharacter(first17);
    }
}
