import { App } from 'cdk8s';
import { StateSnapshotsChart } from './chart';

const app = new App();
new StateSnapshotsChart(app, 'state-snapshots');
app.synth();
