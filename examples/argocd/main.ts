import { App, YamlOutputType } from 'cdk8s';
import { buildApp } from './charts';

// One folder per chart, one file per object: each folder is what one Argo CD Application syncs.
const app = new App({ yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
buildApp(app);
app.synth();
