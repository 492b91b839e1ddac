// The Models tab's components, loaded the first time the tab is shown.
import '../../model-library/model-library';
import '../../project-panel/project-panel';
