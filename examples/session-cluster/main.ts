import { App } from 'cdk8s';
import { SessionClusterChart } from './chart';

const app = new App();
new SessionClusterChart(app, 'session-cluster');
app.synth();
