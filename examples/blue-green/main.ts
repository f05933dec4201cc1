import { App } from 'cdk8s';
import { BlueGreenChart } from './chart';

const app = new App();
new BlueGreenChart(app, 'blue-green');
app.synth();
