import { checkValue, valueSentLength, estimateMultipartBytes } from '../contract/index.ts';
(window as any).x = [checkValue, valueSentLength, estimateMultipartBytes];
