package cn.chifeng.title.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.security.CurrentUser;

/** 审核工作台 ({@code /staff/}, linked from Tasklist's header): what the signed-in reviewer may do beside Tasklist. */
@Controller
class WorkbenchHome {
    private final CurrentUser currentUser;
    private final OrganisationDirectory organisations;
    private final org.springframework.beans.factory.ObjectProvider<WorkbenchLink> links;

    WorkbenchHome(CurrentUser currentUser, OrganisationDirectory organisations,
             org.springframework.beans.factory.ObjectProvider<WorkbenchLink> links) {
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.links = links;
    }

    @GetMapping({"/staff", "/staff/"})
    String home(Model model) {
        currentUser.requireStaff();
        model.addAttribute("name", String.join("、", currentUser.groups().stream().map(organisations::groupName)
                .toList()));
        model.addAttribute("links", links.orderedStream().flatMap(l -> l.links(currentUser).stream()).toList());
        return "staff/home";
    }
}
