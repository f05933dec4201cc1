import { App } from 'cdk8s';
import { ApplicationClusterChart } from './chart';

const app = new App();
new ApplicationClusterChart(app, 'application-cluster');
app.synth();
