import { App } from 'cdk8s';
import { OperatorChart } from './chart';

const app = new App();
new OperatorChart(app, 'operator');
app.synth();
