package cn.chifeng.title.workbench;

import java.util.List;

import cn.chifeng.title.security.CurrentUser;

/** What a feature offers on the workbench's home page to the signed-in user (nothing if it is not theirs). */
public interface WorkbenchLink {
    List<Link> links(CurrentUser user);

    /** A link with its label and a line on what it is for. */
    record Link(String href, String label, String hint) {
    }
}
